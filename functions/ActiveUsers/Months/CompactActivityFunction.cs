using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Etransactions.Functions.ActiveUsers.Months;

/// <summary>
/// Daily at 00:10 in Vietnam (runnable by hand, <c>POST /admin/functions/compactActivity</c>): merges each
/// day's chunks into its day-set, so that a month is counted from at most one set a day.
/// </summary>
public sealed partial class CompactActivityFunction(ActivityMonths months, ILogger<CompactActivityFunction> logger)
{
    public const string Name = "compactActivity";

    // NCRONTAB, six fields, UTC: 17:10 is 00:10 in Vietnam.
    public const string Schedule = "0 10 17 * * *";

    [Function(Name)]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellation) =>
        LogCompacted(await months.CompactAsync(cancellation));

    [LoggerMessage(Level = LogLevel.Information, Message = "Activity compacted: {Days} day set(s) written")]
    private partial void LogCompacted(int days);
}
