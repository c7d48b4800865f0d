using Etransactions.Functions.ApiKeys;
using Etransactions.Functions.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Etransactions.Functions.Platforms.Registry;

/// <summary><c>PATCH /api/platforms/{id}</c> (the regulator): changes the fields sent; the revision before is kept.</summary>
public sealed partial class UpdatePlatformFunction(
    ApiKeyAuthenticator authenticator, PlatformStore platforms, PlatformRegistry registry, IOptions<PlatformsOptions> options, ILogger<UpdatePlatformFunction> logger)
{
    public const string Name = "updatePlatform";

    [Function(Name)]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/platforms/{id}")] HttpRequest request, string id)
    {
        var cancellation = request.HttpContext.RequestAborted;
        (await authenticator.AuthenticateAsync(request, cancellation)).RequireRegulator();
        await platforms.RequireAsync(id, cancellation);
        var patch = await JsonBody.ReadAsync<PlatformPatch>(request, options.Value.MaxBodyBytes);
        var platform = await registry.UpdateAsync(id, patch, cancellation);
        LogUpdated(id, platform.Revision);
        return TypedResults.Json(platform, AppJson.Options);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Platform {PlatformId} updated to revision {Revision}")]
    private partial void LogUpdated(string platformId, int revision);
}
