using Etransactions.Functions.ApiKeys;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Platforms.Registry;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Etransactions.Functions.ActiveUsers.Reading;

/// <summary><c>GET /api/platforms/{id}/active-users?from=YYYY-MM&amp;to=YYYY-MM</c> (the platform itself or the regulator): see <see cref="ActiveUsersReport"/>.</summary>
public sealed class GetActiveUsersFunction(ApiKeyAuthenticator authenticator, PlatformStore platforms, ActiveUsersReport report, TimeProvider clock)
{
    public const string Name = "getActiveUsers";

    [Function(Name)]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/platforms/{id}/active-users")] HttpRequest request, string id)
    {
        var cancellation = request.HttpContext.RequestAborted;
        (await authenticator.AuthenticateAsync(request, cancellation)).RequirePlatformOrRegulator(id);
        var platform = await platforms.RequireAsync(id, cancellation);
        var range = MonthRange.Parse(request.Query["from"].FirstOrDefault(), request.Query["to"].FirstOrDefault(), clock.GetUtcNow());
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(await report.ReadAsync(platform, range, cancellation), AppJson.Options);
    }
}
