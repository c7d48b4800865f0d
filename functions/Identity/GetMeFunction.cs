using Etransactions.Functions.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Etransactions.Functions.Identity;

/// <summary><c>GET /api/me</c>: who the bearer token says the caller is; callers check a token with it.</summary>
public sealed class GetMeFunction(IActorAuthenticator authenticator)
{
    public const string Name = "getMe";

    [Function(Name)]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/me")] HttpRequest request)
    {
        var actor = await authenticator.AuthenticateAsync(request, request.HttpContext.RequestAborted);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(ActorView.Of(actor), AppJson.Options);
    }
}
