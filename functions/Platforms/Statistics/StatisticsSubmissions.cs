using System.Text.Json;
using Etransactions.Functions.Core.Problems;
using Etransactions.Functions.Platforms.Determinations;
using Etransactions.Functions.Platforms.Domain;
using Etransactions.Functions.Platforms.Population;
using Etransactions.Functions.Platforms.Registry;

namespace Etransactions.Functions.Platforms.Statistics;

/// <summary>
/// Accepts a platform's statistics for a cycle: checks everything at once, classifies against the most
/// recent population figure, and stores a new version before anything else happens. The same content again
/// changes nothing; different content is a new version (earlier ones stay in the history); once the
/// regulator has accepted the cycle, a change must give a reason.
/// </summary>
public sealed class StatisticsSubmissions(StatisticsStore statistics, PopulationStore population, DeterminationStore determinations, TimeProvider clock)
{
    public async Task<SubmittedStatistics> SubmitAsync(PlatformRecord platform, string cycleText, JsonElement body, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var figure = await population.MostRecentAsync(now, cancellation);
        var (cycle, submitted) = StatisticsValidation.Validate(cycleText, body, now, figure);
        if (figure is null)
        {
            throw new ConflictException(
                "Chưa có số liệu dân số chính thức nên chưa xác định được quy mô; cơ quan quản lý ghi số liệu tại PUT /api/population/{year} / "
                + "No official population figure is recorded yet, so the scale cannot be determined. The regulator records it at PUT /api/population/{year}.");
        }

        var determination = await determinations.GetAsync(platform.Id, cycle, cancellation);
        var latest = await statistics.LatestAsync(platform.Id, cycle, cancellation);
        if (latest is not null && latest.ContentSha256 == StatisticsContent.Sha256(submitted))
        {
            return new SubmittedStatistics(latest, First: false, Changed: false, platform, determination);
        }
        if (determination?.AcceptedVersion is not null && string.IsNullOrWhiteSpace(submitted.Reason))
        {
            throw new ValidationFailedException([new FieldError("reason", $"The regulator accepted cycle {cycle}; say why the statistics change.")]);
        }

        var submission = StoredSubmission.Of(
            platform.Id, cycle, (latest?.Version ?? 0) + 1, submitted, now, late: now >= Cycles.DeadlineFor(cycle),
            Classifier.Classify(submitted.Months, figure, submitted.Intermediary));
        await statistics.AppendAsync(submission, cancellation);
        return new SubmittedStatistics(submission, First: latest is null, Changed: true, platform, determination);
    }
}
