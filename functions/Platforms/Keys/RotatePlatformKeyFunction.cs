using Etransactions.Functions.ApiKeys;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Core.Problems;
using Etransactions.Functions.Platforms.Registry;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Etransactions.Functions.Platforms.Keys;

/// <summary>
/// <c>POST /api/platforms/{id}/keys</c>: a new key for the platform, shown once; every earlier key stops
/// working. The platform rotates its own key; the regulator issues one to a platform that lost its key. With
/// an <c>Idempotency-Key</c> header, the same header within 24 hours answers the same once more, even to the
/// key the rotation revoked.
/// </summary>
public sealed partial class RotatePlatformKeyFunction(
    ApiKeyAuthenticator authenticator, PlatformStore platforms, KeyRotations rotations, ILogger<RotatePlatformKeyFunction> logger)
{
    public const string Name = "rotatePlatformKey";

    [Function(Name)]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/platforms/{id}/keys")] HttpRequest request, string id)
    {
        var cancellation = request.HttpContext.RequestAborted;
        var idempotencyKey = request.Headers[IdempotencyKey.Header].FirstOrDefault();
        var presentedKey = request.Headers[ApiKeyAuthenticator.Header].FirstOrDefault()?.Trim() ?? "";
        Caller caller;
        try
        {
            caller = await authenticator.AuthenticateAsync(request, cancellation);
        }
        catch (UnauthorizedException) when (idempotencyKey is not null && presentedKey.Length > 0)
        {
            // The key that asked for a rotation stopped working with it, and may still fetch that reply once.
            var replay = await rotations.ReplayToEarlierKeyAsync(id, idempotencyKey, presentedKey, cancellation);
            if (replay is null)
            {
                throw;
            }
            return Reply(request, replay);
        }
        caller.RequirePlatformOrRegulator(id);
        await platforms.RequireAsync(id, cancellation);
        return Reply(request, await rotations.RotateAsync(id, idempotencyKey, presentedKey, cancellation));
    }

    private JsonHttpResult<KeyRotation> Reply(HttpRequest request, KeyRotation rotation)
    {
        LogRotated(rotation.PlatformId, rotation.KeyId, rotation.RevokedKeys, rotation.Replayed);
        var response = request.HttpContext.Response;
        response.Headers.CacheControl = "no-store";
        if (rotation.Replayed)
        {
            response.Headers["Idempotent-Replayed"] = "true";
        }
        return TypedResults.Json(rotation, AppJson.Options, statusCode: StatusCodes.Status201Created);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Platform {PlatformId}: key {KeyId} given, {RevokedKeys} revoked (a replay: {Replayed})")]
    private partial void LogRotated(string platformId, string keyId, int revokedKeys, bool replayed);
}
