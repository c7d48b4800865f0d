using Etransactions.Functions.Core;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Etransactions.Functions.Dossiers.Reports;

/// <summary>
/// Daily at 01:00 Vietnam time (runnable by hand, <c>POST /admin/functions/storeMonthlyDossierReports</c>): stores,
/// signed, each agency's report of the month before, once; later runs find it stored and write nothing.
/// </summary>
public sealed partial class StoreMonthlyReportsFunction(MonthlyReports reports, TimeProvider clock, ILogger<StoreMonthlyReportsFunction> logger)
{
    public const string Name = "storeMonthlyDossierReports";

    // NCRONTAB in UTC: 18:00 UTC is 01:00 in Vietnam.
    public const string Schedule = "0 0 18 * * *";

    [Function(Name)]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var today = VietnamTime.DateOf(now);
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var stored = await reports.StoreMonthAsync(month, now, cancellation);
        LogStored(month, stored);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Monthly dossier reports of {Month:yyyy-MM}: {Stored} stored")]
    private partial void LogStored(DateOnly month, int stored);
}
