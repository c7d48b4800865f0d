using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Etransactions.Functions.ActiveUsers.Months;

/// <summary>
/// Daily at 00:30 in Vietnam (runnable by hand, <c>POST /admin/functions/finalizeActiveUsers</c>): finalizes
/// every month closed more than ACTIVE_USERS_GRACE_DAYS ago and not finalized yet, then keeps only its counts.
/// </summary>
public sealed partial class FinalizeActiveUsersFunction(ActivityMonths months, ILogger<FinalizeActiveUsersFunction> logger)
{
    public const string Name = "finalizeActiveUsers";

    // NCRONTAB, six fields, UTC: 17:30 is 00:30 in Vietnam.
    public const string Schedule = "0 30 17 * * *";

    [Function(Name)]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellation) =>
        LogFinalized((await months.FinalizeDueAsync(cancellation)).Count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Active users: {Months} platform month(s) finalized")]
    private partial void LogFinalized(int months);
}
