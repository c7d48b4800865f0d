using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Etransactions.Functions.Operations;

/// <summary>Purges the history of orchestrations that ended more than the retention period ago. Idempotent.</summary>
public sealed partial class OrchestrationHistoryPurger(
    TimeProvider time, IOptions<OperationsOptions> options, ILogger<OrchestrationHistoryPurger> logger)
{
    /// <summary>The first instant the purge covers: all time before the cutoff, as the first version passed it.</summary>
    public static readonly DateTimeOffset Beginning = DateTimeOffset.UnixEpoch;

    // A backend may purge part of a large bulk per call and say so; a bound keeps a confused one from looping.
    private const int MaxBulkRounds = 100;

    public async Task<PurgeReport> PurgeAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var retentionDays = options.Value.HistoryRetentionDays;
        var query = new OrchestrationQuery
        {
            CreatedFrom = Beginning,
            CreatedTo = PurgePlan.CutoffFor(now, retentionDays),
            FetchInputsAndOutputs = false,
        };
        var candidates = new List<InstanceSummary>();
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            candidates.Add(new(instance.InstanceId, instance.RuntimeStatus, instance.CreatedAt, instance.LastUpdatedAt));
        }

        var plan = PurgePlan.For(now, retentionDays, candidates);
        var purged = plan.BulkCreatedTo >= Beginning ? await PurgeInBulkAsync(client, plan.BulkCreatedTo, cancellationToken) : 0;
        var failed = new List<string>();
        foreach (var instanceId in plan.OneByOne)
        {
            try
            {
                purged += (await client.PurgeInstanceAsync(instanceId, cancellationToken)).PurgedInstanceCount;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Replaced by a new run meanwhile, say: the others still go.
                failed.Add(instanceId);
                LogPurgeFailed(exception, instanceId);
            }
        }

        return new(plan.Cutoff, purged, failed);
    }

    private static async Task<int> PurgeInBulkAsync(
        DurableTaskClient client, DateTimeOffset createdTo, CancellationToken cancellationToken)
    {
        var filter = new PurgeInstancesFilter(Beginning, createdTo, PurgePlan.PurgedStatuses);
        var purged = 0;
        for (var round = 0; round < MaxBulkRounds; round++)
        {
            var result = await client.PurgeAllInstancesAsync(filter, cancellationToken);
            purged += result.PurgedInstanceCount;
            if (result.IsComplete != false)
            {
                break;
            }
        }

        return purged;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not purge the history of orchestration {InstanceId}")]
    private partial void LogPurgeFailed(Exception exception, string instanceId);
}
