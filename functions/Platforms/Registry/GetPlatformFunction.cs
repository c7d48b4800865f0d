using Etransactions.Functions.ApiKeys;
using Etransactions.Functions.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Etransactions.Functions.Platforms.Registry;

/// <summary><c>GET /api/platforms/{id}</c> (the platform itself or the regulator): the platform record.</summary>
public sealed class GetPlatformFunction(ApiKeyAuthenticator authenticator, PlatformStore platforms)
{
    public const string Name = "getPlatform";

    [Function(Name)]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/platforms/{id}")] HttpRequest request, string id)
    {
        var cancellation = request.HttpContext.RequestAborted;
        (await authenticator.AuthenticateAsync(request, cancellation)).RequirePlatformOrRegulator(id);
        return TypedResults.Json(await platforms.RequireAsync(id, cancellation), AppJson.Options);
    }
}
