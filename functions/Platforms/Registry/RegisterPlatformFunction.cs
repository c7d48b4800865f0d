using System.Text.Json;
using Etransactions.Functions.ApiKeys;
using Etransactions.Functions.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Etransactions.Functions.Platforms.Registry;

/// <summary><c>POST /api/platforms</c> (the regulator): registers a platform; its API key is in the reply, shown this once.</summary>
public sealed partial class RegisterPlatformFunction(
    ApiKeyAuthenticator authenticator, PlatformRegistry registry, IOptions<PlatformsOptions> options, ILogger<RegisterPlatformFunction> logger)
{
    public const string Name = "registerPlatform";

    [Function(Name)]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/platforms")] HttpRequest request)
    {
        var cancellation = request.HttpContext.RequestAborted;
        (await authenticator.AuthenticateAsync(request, cancellation)).RequireRegulator();
        var registration = await JsonBody.ReadAsync<PlatformRegistration>(request, options.Value.MaxBodyBytes);
        var (platform, key) = await registry.RegisterAsync(registration, cancellation);
        LogRegistered(platform.Id, platform.Name);

        var reply = JsonSerializer.SerializeToNode(platform, AppJson.Options)!.AsObject();
        reply["apiKey"] = key.Key;
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        request.HttpContext.Response.Headers.Location = $"/api/platforms/{platform.Id}";
        return TypedResults.Json(reply, AppJson.Options, statusCode: StatusCodes.Status201Created);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Platform {PlatformId} registered: {PlatformName}")]
    private partial void LogRegistered(string platformId, string platformName);
}
