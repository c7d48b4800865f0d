using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Etransactions.Functions.Operations;

/// <summary>Daily: purges the history of orchestrations that ended more than the retention period ago.</summary>
public sealed partial class PurgeOrchestrationHistoryFunction(
    OrchestrationHistoryPurger purger, ILogger<PurgeOrchestrationHistoryFunction> logger)
{
    public const string Name = "purgeOrchestrationHistory";

    // NCRONTAB, six fields, UTC: 19:30 UTC is 02:30 in Vietnam (UTC+7), a quiet hour.
    public const string Schedule = "0 30 19 * * *";

    [Function(Name)]
    public async Task Run(
        [TimerTrigger(Schedule)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var report = await purger.PurgeAsync(client, cancellationToken);
        LogPurged(report.Purged, report.Cutoff, report.FailedInstanceIds.Count, timer.IsPastDue);
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Purged the history of {PurgedCount} orchestrations that ended before {Cutoff:o}; {FailedCount} could not be purged (past due: {IsPastDue})")]
    private partial void LogPurged(int purgedCount, DateTimeOffset cutoff, int failedCount, bool isPastDue);
}
