using System.Text.Json.Serialization;
using Etransactions.Functions.Platforms.Domain;

namespace Etransactions.Functions.Platforms.Statistics;

/// <summary>
/// One accepted statistics submission: the body's fields beside its own, as the first version wrote it.
/// Versions are never overwritten: a change is a new version.
/// </summary>
/// <param name="Late">Received after the cycle's deadline.</param>
/// <param name="ContentSha256">SHA-256 of the content without the reason (<see cref="StatisticsContent"/>): the same content again is not a new version.</param>
public sealed record StoredSubmission(
    string PlatformId,
    int Cycle,
    int Version,
    IReadOnlyList<MonthlyUsers> Months,
    bool Intermediary,
    Measurement Measurement,
    Declarant Declarant,
    string? Reason,
    DateTimeOffset SubmittedAt,
    bool Late,
    string ContentSha256,
    Classification Classification)
{
    [JsonIgnore]
    public StatisticsBody Statistics => new(Months, Intermediary, Measurement, Declarant, Reason);

    public static StoredSubmission Of(
        string platformId, int cycle, int version, StatisticsBody statistics, DateTimeOffset submittedAt, bool late, Classification classification) =>
        new(platformId, cycle, version, statistics.Months, statistics.Intermediary, statistics.Measurement, statistics.Declarant,
            statistics.Reason, submittedAt, late, StatisticsContent.Sha256(statistics), classification);
}
