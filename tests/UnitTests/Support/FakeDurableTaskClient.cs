using System.Globalization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Etransactions.UnitTests.Support;

/// <summary>A durable client holding instances in memory, recording the purges asked of it.</summary>
internal sealed class FakeDurableTaskClient(IReadOnlyList<OrchestrationMetadata> instances, int pageSize = 2)
    : DurableTaskClient("fake")
{
    public List<OrchestrationQuery> Queries { get; } = [];
    public List<PurgeInstancesFilter> BulkPurges { get; } = [];
    public List<string> SinglePurges { get; } = [];
    public HashSet<string> Refused { get; } = [];
    public int BulkPurgedCount { get; set; }

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null)
    {
        Queries.Add(filter!);
        var matching = instances
            .Where(instance => (filter?.CreatedFrom is not { } from || instance.CreatedAt >= from)
                && (filter?.CreatedTo is not { } to || instance.CreatedAt <= to))
            .ToList();
        // Pages of pageSize, continued by the index of the next one, as a real backend pages.
        return Pageable.Create((continuation, _, _) =>
        {
            var start = continuation is null ? 0 : int.Parse(continuation, CultureInfo.InvariantCulture);
            var page = matching.Skip(start).Take(pageSize).ToList();
            var next = start + pageSize < matching.Count ? (start + pageSize).ToString(CultureInfo.InvariantCulture) : null;
            return Task.FromResult(new Page<OrchestrationMetadata>(page, next));
        });
    }

    public override Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellation = default)
    {
        BulkPurges.Add(filter);
        return Task.FromResult(new PurgeResult(BulkPurgedCount));
    }

    public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellation = default)
    {
        SinglePurges.Add(instanceId);
        return Refused.Contains(instanceId)
            ? throw new InvalidOperationException($"Instance {instanceId} was replaced.")
            : Task.FromResult(new PurgeResult(1));
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    // The purge uses none of these.
    public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        throw new NotSupportedException();
}
