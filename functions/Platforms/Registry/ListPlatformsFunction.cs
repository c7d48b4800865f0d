using Etransactions.Functions.ApiKeys;
using Etransactions.Functions.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Etransactions.Functions.Platforms.Registry;

/// <summary><c>GET /api/platforms</c> (the regulator): every registered platform, in the order registered.</summary>
public sealed class ListPlatformsFunction(ApiKeyAuthenticator authenticator, PlatformStore platforms)
{
    public const string Name = "listPlatforms";

    [Function(Name)]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/platforms")] HttpRequest request)
    {
        var cancellation = request.HttpContext.RequestAborted;
        (await authenticator.AuthenticateAsync(request, cancellation)).RequireRegulator();
        return TypedResults.Json(new { platforms = await platforms.ListAsync(cancellation) }, AppJson.Options);
    }
}
