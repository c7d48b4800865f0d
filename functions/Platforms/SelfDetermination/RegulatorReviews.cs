using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Core.Problems;
using Etransactions.Functions.Core.Storage;
using Etransactions.Functions.Platforms.Determinations;
using Etransactions.Functions.Platforms.Domain;

namespace Etransactions.Functions.Platforms.SelfDetermination;

/// <summary>The body of <c>POST …/determinations/{cycle}/review</c>: <c>accept</c> or <c>return</c>, and why.</summary>
public sealed record ReviewBody(ReviewDecision Decision, [Text(2000)] string Reason);

/// <summary>
/// The Ministry's review of a reported self-determination (Decree 137, Art. 18.3): only a cycle whose statistics
/// are <c>reported</c> can be reviewed, and each reported version once. The same review again is a repeat
/// (Created false); a different one for a version already reviewed is a conflict.
/// </summary>
public sealed class RegulatorReviews(DeterminationStore determinations)
{
    public async Task<(ReviewRecord Review, bool Created)> RecordAsync(
        string platformId, int cycle, ReviewBody body, DateTimeOffset now, CancellationToken cancellation)
    {
        var record = await determinations.GetAsync(platformId, cycle, cancellation);
        if (record is not { Status: DeterminationStatus.Reported, ReportedVersion: { } version })
        {
            var status = record is null ? "not started" : EnumColumn.Of(record.Status);
            throw new ConflictException($"Cycle {cycle} of this platform is not waiting for review (status: {status}).")
            {
                // Not `status`: that member of a problem is the HTTP status code.
                Extensions = { ["determinationStatus"] = record is null ? null : EnumColumn.Of(record.Status) },
            };
        }
        var proposed = new ReviewRecord(Guid.NewGuid().ToString(), version, body.Decision, body.Reason, now);
        var (review, created) = await determinations.RecordReviewAsync(platformId, cycle, proposed, cancellation);
        if (!created && (review.Decision != body.Decision || review.Reason != body.Reason))
        {
            throw new ConflictException($"Version {review.Version} was already reviewed ({EnumColumn.Of(review.Decision)}).")
            {
                Extensions = { ["review"] = ReviewJson.Of(review) },
            };
        }
        return (review, created);
    }
}

/// <summary>A review as the API shows it (ids and instants as the first version wrote them).</summary>
internal static class ReviewJson
{
    public static Dictionary<string, object?> Of(ReviewRecord review) => new()
    {
        ["reviewId"] = review.ReviewId,
        ["version"] = review.Version,
        ["decision"] = EnumColumn.Of(review.Decision),
        ["reason"] = review.Reason,
        ["reviewedAt"] = Core.IsoTime.Format(review.ReviewedAt),
    };
}
