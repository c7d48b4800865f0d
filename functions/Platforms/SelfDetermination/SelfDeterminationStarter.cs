using Etransactions.Functions.Platforms.Determinations;
using Etransactions.Functions.Platforms.Domain;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using DeterminationRules = Etransactions.Functions.Platforms.Domain.Determinations;

namespace Etransactions.Functions.Platforms.SelfDetermination;

/// <summary>What <see cref="SelfDeterminationStarter.EnsureAsync"/> did.</summary>
public enum EnsureOutcome
{
    Started,
    Signalled,
    AlreadyStarted,
    UpToDate,
}

/// <summary>
/// Makes sure a cycle's orchestration knows about the latest submission or, without one (the yearly timer), that it
/// has been started. Idempotent: a running instance gets an event it ignores if it has seen the version; a
/// finished one is started again (reopened) only for a version it has not handled.
/// </summary>
public sealed class SelfDeterminationStarter(DeterminationStore determinations)
{
    private static readonly OrchestrationRuntimeStatus[] Active =
        [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Suspended];

    /// <param name="at">Now on the app's clock: when the submission was stored, or the timer ran.</param>
    public async Task<EnsureOutcome> EnsureAsync(
        DurableTaskClient client, string platformId, int cycle, StartedBy startedBy, DateTimeOffset at, int? submissionVersion, CancellationToken cancellation)
    {
        var instanceId = DeterminationRules.SelfDeterminationInstanceId(platformId, cycle);
        var instance = await client.GetInstanceAsync(instanceId, cancellation);
        if (instance is not null && Active.Contains(instance.RuntimeStatus))
        {
            if (submissionVersion is not { } version)
            {
                return EnsureOutcome.AlreadyStarted;
            }
            await client.RaiseEventAsync(instanceId, SelfDeterminationNames.StatisticsEvent, new StatisticsEvent(version, at), cancellation);
            return EnsureOutcome.Signalled;
        }
        var record = await determinations.GetAsync(platformId, cycle, cancellation);
        if (submissionVersion is null && (instance is not null || record is not null))
        {
            return EnsureOutcome.AlreadyStarted;
        }
        if (submissionVersion is { } submitted && record is not null && record.ProcessedVersion >= submitted)
        {
            return EnsureOutcome.UpToDate;
        }
        var input = new SelfDeterminationInput(platformId, cycle, startedBy, Guid.NewGuid().ToString("N"), at, submissionVersion);
        await client.ScheduleNewOrchestrationInstanceAsync(
            SelfDeterminationNames.Orchestration, input, new StartOrchestrationOptions(instanceId), cancellation);
        return EnsureOutcome.Started;
    }
}
