using DeterminationRules = Etransactions.Functions.Platforms.Domain.Determinations;
using Etransactions.Functions.ApiKeys;
using Etransactions.Functions.Core.Durable;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Platforms.Registry;
using Etransactions.Functions.Platforms.Statistics;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Etransactions.Functions.Platforms.SelfDetermination;

/// <summary>
/// <c>POST /api/platforms/{id}/determinations/{cycle}/review</c> (the regulator): accept or return the reported
/// statistics. The review is stored first (one per submission version; the same review again is a repeat), then
/// raised into the orchestration; 202 with the review and the determination's link; 409 when the cycle is not
/// waiting for review.
/// </summary>
public sealed partial class ReviewDeterminationFunction(
    ApiKeyAuthenticator authenticator, PlatformStore platforms, RegulatorReviews reviews, TimeProvider clock,
    IOptions<PlatformsOptions> options, ILogger<ReviewDeterminationFunction> logger)
{
    public const string Name = "reviewDetermination";

    [Function(Name)]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/platforms/{id}/determinations/{cycle}/review")] HttpRequest request,
        string id, string cycle, [DurableClient] DurableTaskClient client)
    {
        var cancellation = request.HttpContext.RequestAborted;
        (await authenticator.AuthenticateAsync(request, cancellation)).RequireRegulator();
        await platforms.RequireAsync(id, cancellation);
        var now = clock.GetUtcNow();
        var year = StatisticsValidation.ParseCycle(cycle, now);
        var body = await JsonBody.ReadAsync<ReviewBody>(request, options.Value.MaxBodyBytes);

        var (review, created) = await reviews.RecordAsync(id, year, body, now, cancellation);
        await client.RaiseEventAsync(DeterminationRules.SelfDeterminationInstanceId(id, year), SelfDeterminationNames.ReviewEvent, DurableEvents.Payload(review), cancellation);
        LogReview(id, year, review.Version, review.Decision, !created);

        var reply = ReviewJson.Of(review);
        reply["determination"] = $"/api/platforms/{id}/determinations/{year}";
        return TypedResults.Json(reply, AppJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Review of {PlatformId}/{Cycle} version {Version}: {Decision} (repeat: {Repeat})")]
    private partial void LogReview(string platformId, int cycle, int version, Domain.ReviewDecision decision, bool repeat);
}
