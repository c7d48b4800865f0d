namespace Etransactions.Functions.Operations;

/// <summary>What a purge did. <c>FailedInstanceIds</c>: purged one by one, but refused (each is logged).</summary>
public sealed record PurgeReport(DateTimeOffset Cutoff, int Purged, IReadOnlyList<string> FailedInstanceIds);
