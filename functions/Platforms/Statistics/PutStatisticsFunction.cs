using System.Text.Json;
using Etransactions.Functions.ApiKeys;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Platforms.Domain;
using Etransactions.Functions.Platforms.Registry;
using Etransactions.Functions.Platforms.SelfDetermination;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Etransactions.Functions.Platforms.Statistics;

/// <summary>
/// <c>PUT /api/platforms/{id}/statistics/{cycle}</c> (the platform itself): stores the year's statistics and
/// answers with their classification; 201 for the cycle's first submission, 200 afterwards. The body is
/// parsed once here and checked once by <see cref="StatisticsSubmissions"/>; the platform and the cycle's
/// determination are read once and come back in <see cref="SubmittedStatistics"/> for what follows the storing.
/// </summary>
public sealed partial class PutStatisticsFunction(
    ApiKeyAuthenticator authenticator, PlatformStore platforms, StatisticsSubmissions submissions, IOptions<PlatformsOptions> options,
    ILogger<PutStatisticsFunction> logger)
{
    public const string Name = "putStatistics";

    [Function(Name)]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/platforms/{id}/statistics/{cycle}")] HttpRequest request, string id, string cycle,
        [DurableClient] DurableTaskClient client)
    {
        var cancellation = request.HttpContext.RequestAborted;
        (await authenticator.AuthenticateAsync(request, cancellation)).RequirePlatform(id);
        var platform = await platforms.RequireAsync(id, cancellation);
        var body = await JsonBody.ReadAsync<JsonElement>(request, options.Value.MaxBodyBytes);

        var submitted = await submissions.SubmitAsync(platform, cycle, body, cancellation);
        var submission = submitted.Submission;
        // Stored first, then handed to the cycle's orchestration (started if none runs): a failure here is
        // answered 500 and the same PUT again finds the statistics stored and hands them on.
        var outcome = await SelfDeterminationStarter.EnsureAsync(
            client, new StartRequest(id, submission.Cycle, StartedBy.Statistics, submission.SubmittedAt, submission.Version), submitted.Determination, cancellation);
        LogStatistics(id, submission.Cycle, submission.Version, submitted.Changed, submission.Late, submission.Classification.Scale, outcome);

        request.HttpContext.Response.Headers.Location = $"/api/platforms/{id}/statistics/{submission.Cycle}";
        return TypedResults.Json(
            new
            {
                platformId = id,
                cycle = submission.Cycle,
                version = submission.Version,
                changed = submitted.Changed,
                late = submission.Late,
                submittedAt = submission.SubmittedAt,
                classification = submission.Classification,
                determination = $"/api/platforms/{id}/determinations/{submission.Cycle}",
            },
            AppJson.Options,
            statusCode: submitted.First ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Statistics {PlatformId}/{Cycle} version {Version} (stored: {Changed}, late: {Late}): scale {Scale}; orchestration {Outcome}")]
    private partial void LogStatistics(string platformId, int cycle, int version, bool changed, bool late, Scale scale, EnsureOutcome outcome);
}
