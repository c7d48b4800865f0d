using Microsoft.DurableTask.Client;

namespace Etransactions.Functions.Operations;

/// <summary>
/// Which orchestration histories to purge: those of instances that ended (Completed, Failed, Terminated)
/// more than the retention period ago.
///
/// The durable client purges in bulk by creation time, not by end time. Purging everything created before
/// the cutoff would also purge a long-running instance that ended yesterday. So the bulk purge stops just
/// before the oldest instance that is still running or ended after the cutoff, and the few instances
/// created after that one but ended before the cutoff are purged one by one.
/// </summary>
/// <param name="Cutoff">Instances that ended at or before this instant are purged.</param>
/// <param name="BulkCreatedTo">Bulk purge of finished instances created up to this instant (all of them ended before the cutoff).</param>
/// <param name="OneByOne">Finished before the cutoff, but created after the bulk limit: purged by id.</param>
public sealed record PurgePlan(DateTimeOffset Cutoff, DateTimeOffset BulkCreatedTo, IReadOnlyList<string> OneByOne)
{
    public static IReadOnlyList<OrchestrationRuntimeStatus> PurgedStatuses { get; } =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    public static DateTimeOffset CutoffFor(DateTimeOffset now, int retentionDays) => now.AddDays(-retentionDays);

    /// <param name="createdBeforeCutoff">Every instance (any status) created at or before the cutoff.</param>
    public static PurgePlan For(DateTimeOffset now, int retentionDays, IReadOnlyCollection<InstanceSummary> createdBeforeCutoff)
    {
        var cutoff = CutoffFor(now, retentionDays);
        bool EndedInTime(InstanceSummary instance) =>
            PurgedStatuses.Contains(instance.RuntimeStatus) && instance.LastUpdatedAt <= cutoff;

        // Creation times come to the second; stopping a millisecond before the blocker's keeps it out.
        var limit = createdBeforeCutoff
            .Where(instance => !EndedInTime(instance))
            .Select(instance => instance.CreatedAt.AddMilliseconds(-1))
            .Append(cutoff)
            .Min();
        var oneByOne = createdBeforeCutoff
            .Where(instance => EndedInTime(instance) && instance.CreatedAt > limit)
            .Select(instance => instance.InstanceId)
            .ToList();
        return new(cutoff, limit, oneByOne);
    }
}
