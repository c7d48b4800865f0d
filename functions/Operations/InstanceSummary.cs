using Microsoft.DurableTask.Client;

namespace Etransactions.Functions.Operations;

/// <summary>What the purge plan needs of an orchestration instance; <c>LastUpdatedAt</c> is when a finished one ended.</summary>
public sealed record InstanceSummary(
    string InstanceId, OrchestrationRuntimeStatus RuntimeStatus, DateTimeOffset CreatedAt, DateTimeOffset LastUpdatedAt);
