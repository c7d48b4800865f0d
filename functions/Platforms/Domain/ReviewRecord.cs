namespace Etransactions.Functions.Platforms.Domain;

/// <summary>The regulator's review of one submission version; one per version, the first stored wins.</summary>
/// <param name="Version">The submission version the review is about.</param>
public sealed record ReviewRecord(string ReviewId, int Version, ReviewDecision Decision, string Reason, DateTimeOffset ReviewedAt);
