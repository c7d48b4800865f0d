using DeterminationRules = Etransactions.Functions.Platforms.Domain.Determinations;
using Etransactions.Functions.Core.Durable;
using Etransactions.Functions.Platforms.Domain;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Etransactions.Functions.Platforms.SelfDetermination;

/// <summary>What <see cref="SelfDeterminationStarter.EnsureAsync"/> did.</summary>
public enum EnsureOutcome
{
    Started,
    Signalled,
    AlreadyStarted,
    UpToDate,
}

/// <summary>A start or a signal: the cycle, what asks, now on the app's clock, and the submission version just stored, if any.</summary>
public sealed record StartRequest(string PlatformId, int Cycle, StartedBy StartedBy, DateTimeOffset At, int? SubmissionVersion = null);

/// <summary>
/// Makes sure a cycle's orchestration knows about the latest submission or, without one (the yearly timer), that it
/// has been started. Idempotent: a running instance gets an event it ignores if it has seen the version; a
/// finished one is started again (reopened) only for a version it has not handled.
/// </summary>
public static class SelfDeterminationStarter
{
    private static readonly OrchestrationRuntimeStatus[] Active =
        [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Suspended];

    /// <param name="record">The cycle's determination record as the caller read it (once per request), or null when there is none.</param>
    public static async Task<EnsureOutcome> EnsureAsync(DurableTaskClient client, StartRequest request, DeterminationRecord? record, CancellationToken cancellation)
    {
        var (platformId, cycle, startedBy, at, submissionVersion) = (request.PlatformId, request.Cycle, request.StartedBy, request.At, request.SubmissionVersion);
        var instanceId = DeterminationRules.SelfDeterminationInstanceId(platformId, cycle);
        var instance = await client.GetInstanceAsync(instanceId, cancellation);
        if (instance is not null && Active.Contains(instance.RuntimeStatus))
        {
            if (submissionVersion is not { } version)
            {
                return EnsureOutcome.AlreadyStarted;
            }
            await client.RaiseEventAsync(instanceId, SelfDeterminationNames.StatisticsEvent, DurableEvents.Payload(new StatisticsEvent(version, at)), cancellation);
            return EnsureOutcome.Signalled;
        }
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
