using Etransactions.Functions.ApiKeys;
using Etransactions.Functions.Core;
using Etransactions.Functions.Core.Problems;

namespace Etransactions.Functions.Platforms.Registry;

/// <summary>Registering platforms and changing them. A platform's first key is issued with it and shown once.</summary>
public sealed class PlatformRegistry(PlatformStore platforms, ApiKeyStore keys, TimeProvider clock)
{
    public async Task<(PlatformRecord Platform, IssuedKey Key)> RegisterAsync(PlatformRegistration registration, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        RequireNotFuture(registration.OperatingSince, now);
        var platform = await platforms.RegisterAsync(Guid.NewGuid().ToString(), registration.Trimmed(), now, cancellation);
        var key = await keys.IssueAsync(ApiKey.PlatformPrefix, platform.Id, cancellation);
        return (platform, key);
    }

    public async Task<PlatformRecord> UpdateAsync(string id, PlatformPatch patch, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        if (patch.OperatingSince is { } operatingSince)
        {
            RequireNotFuture(operatingSince, now);
        }
        return await platforms.UpdateAsync(id, patch, now, cancellation);
    }

    private static void RequireNotFuture(DateOnly operatingSince, DateTimeOffset now)
    {
        if (operatingSince > VietnamTime.DateOf(now))
        {
            throw new ValidationFailedException([new FieldError("operatingSince", $"{operatingSince:yyyy-MM-dd} is in the future.")]);
        }
    }
}
