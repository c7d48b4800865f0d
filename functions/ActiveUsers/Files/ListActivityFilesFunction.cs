using Etransactions.Functions.ApiKeys;
using Etransactions.Functions.Core;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Platforms.Registry;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Etransactions.Functions.ActiveUsers.Files;

/// <summary><c>GET /api/platforms/{id}/activity/files</c> (the platform itself or the regulator): the receipts of its activity files, newest first.</summary>
public sealed class ListActivityFilesFunction(ApiKeyAuthenticator authenticator, PlatformStore platforms, ActivityFileReceipts receipts)
{
    public const string Name = "listActivityFiles";

    [Function(Name)]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/platforms/{id}/activity/files")] HttpRequest request, string id)
    {
        var cancellation = request.HttpContext.RequestAborted;
        (await authenticator.AuthenticateAsync(request, cancellation)).RequirePlatformOrRegulator(id);
        await platforms.RequireAsync(id, cancellation);
        var files = await receipts.ListAsync(id, cancellation);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(new
        {
            platformId = id,
            files = files.Select(file => new
            {
                name = file.Name,
                day = file.Day,
                blob = $"{ActivityFileName.Container}/{id}/{file.Day}/{file.Name}",
                bytes = file.Bytes,
                status = file.Status,
                lines = file.Lines,
                accepted = file.Accepted,
                rejected = file.Rejected,
                errors = file.Errors,
                reason = file.Reason,
                receivedAt = IsoTime.Format(file.ReceivedAt),
                countedAt = file.CountedAt is { } at ? IsoTime.Format(at) : null,
            }),
        }, AppJson.Options);
    }
}
