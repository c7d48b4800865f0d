using System.Text.Json;
using Etransactions.Functions.ApiKeys;
using Etransactions.Functions.ActiveUsers.Months;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Platforms.Registry;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Etransactions.Functions.ActiveUsers.Intake;

/// <summary>
/// <c>POST /api/platforms/{id}/activity</c> (the platform itself): up to 10,000 activity events, counted at
/// once. 202 with how many came, how many were taken, and each rejected one with its field and reason;
/// the same body sent again is the same batch and is counted once (<c>replayed: true</c>).
/// </summary>
public sealed partial class PostActivityFunction(
    ApiKeyAuthenticator authenticator, PlatformStore platforms, ActivityIntake intake, ActivityMonths months, IOptions<ActiveUsersOptions> options,
    ILogger<PostActivityFunction> logger)
{
    public const string Name = "postActivity";

    [Function(Name)]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/platforms/{id}/activity")] HttpRequest request, string id)
    {
        var cancellation = request.HttpContext.RequestAborted;
        (await authenticator.AuthenticateAsync(request, cancellation)).RequirePlatform(id);
        await platforms.RequireAsync(id, cancellation);
        var body = await JsonBody.ReadAsync<JsonElement>(request, options.Value.MaxBodyBytes);
        var window = months.Window;

        var batch = ActivityRequest.Parse(body, id, window);
        var first = batch.Accepted.Count == 0 || await intake.CountAsync(id, batch.BatchId, batch.Accepted, window.Now, cancellation);
        LogBatch(id, batch.BatchId, batch.Received, batch.Accepted.Count, batch.Rejected.Count, !first);

        return TypedResults.Json(
            new
            {
                platformId = id,
                batchId = batch.BatchId,
                received = batch.Received,
                accepted = batch.Accepted.Count,
                rejected = batch.Rejected,
                replayed = !first,
                activeUsers = $"/api/platforms/{id}/active-users",
            },
            AppJson.Options,
            statusCode: StatusCodes.Status202Accepted);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Activity batch {BatchId} of {PlatformId}: {Received} events, {Accepted} taken, {Rejected} rejected (replayed: {Replayed})")]
    private partial void LogBatch(string platformId, string batchId, int received, int accepted, int rejected, bool replayed);
}
