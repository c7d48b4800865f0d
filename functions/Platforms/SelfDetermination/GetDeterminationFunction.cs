using Etransactions.Functions.ApiKeys;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Core.Problems;
using Etransactions.Functions.Platforms.Determinations;
using Etransactions.Functions.Platforms.Registry;
using Etransactions.Functions.Platforms.Statistics;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Etransactions.Functions.Platforms.SelfDetermination;

/// <summary>
/// <c>GET /api/platforms/{id}/determinations/{cycle}</c> (the regulator or the platform itself): see
/// <see cref="DeterminationView"/>; 404 when the cycle has not started and no statistics were sent.
/// </summary>
public sealed class GetDeterminationFunction(
    ApiKeyAuthenticator authenticator, PlatformStore platforms, DeterminationStore determinations, StatisticsStore statistics, IMeasuredActiveUsers measured,
    TimeProvider clock)
{
    public const string Name = "getDetermination";

    [Function(Name)]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/platforms/{id}/determinations/{cycle}")] HttpRequest request, string id, string cycle)
    {
        var cancellation = request.HttpContext.RequestAborted;
        (await authenticator.AuthenticateAsync(request, cancellation)).RequirePlatformOrRegulator(id);
        var platform = await platforms.RequireAsync(id, cancellation);
        var year = StatisticsValidation.ParseCycle(cycle, clock.GetUtcNow());
        var record = determinations.GetAsync(id, year, cancellation);
        var timeline = determinations.TimelineAsync(id, year, cancellation);
        var history = statistics.HistoryAsync(id, year, cancellation);
        var reviews = determinations.ReviewsAsync(id, year, cancellation);
        await Task.WhenAll(record, timeline, history, reviews);
        var (found, submissions) = (await record, await history);
        if (found is null && submissions.Count == 0)
        {
            throw new NotFoundException($"Cycle {year} has not started for this platform and no statistics were sent.");
        }
        // The platform's own months (the version under review, else the latest) beside the measured ones.
        var current = submissions.FirstOrDefault(s => s.Version == found?.SubmissionVersion) ?? (submissions.Count > 0 ? submissions[^1] : null);
        var comparison = current is null ? null : MeasuredComparison.Of(current.Months,
            await measured.FinalizedAsync(id, current.Months[0].Month, current.Months[^1].Month, cancellation), measured.ThresholdPercent);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(
            DeterminationView.Of(platform, year, found, await timeline, submissions, await reviews, comparison), AppJson.Options);
    }
}
