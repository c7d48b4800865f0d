using Etransactions.Functions.ApiKeys;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Core.Problems;

namespace Etransactions.Functions.Platforms.Keys;

/// <summary>
/// A platform's new key, after which every earlier key stops working. Asked for with an Idempotency-Key, the
/// same header within 24 hours gets the same reply once more (a client that lost the reply still gets a
/// working key, even with the key the rotation revoked), then never again. To be replayed the key must be
/// kept until then: it is kept sealed with the Idempotency-Key itself (<see cref="SealedKey"/>), and the
/// replay removes the seal.
/// </summary>
public sealed class KeyRotations(ApiKeyStore keys, KeyRotationStore rotations, TimeProvider clock)
{
    public static readonly TimeSpan ReplayWindow = TimeSpan.FromHours(24);

    /// <summary>A claim this old whose key was never sealed belongs to a request that died: another may take it over.</summary>
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    /// <summary>Rotates the key for an authenticated caller, whose own key is <paramref name="callerKey"/>.</summary>
    public async Task<KeyRotation> RotateAsync(string platformId, string? idempotencyKey, string callerKey, CancellationToken cancellation)
    {
        if (idempotencyKey is null)
        {
            var issued = await keys.IssueAsync(ApiKey.PlatformPrefix, platformId, cancellation);
            var revoked = await keys.RevokeAllButAsync(ApiKey.PlatformPrefix, platformId, issued.KeyId, cancellation);
            return new KeyRotation(platformId, issued.KeyId, issued.Key, revoked, Replayed: false);
        }

        IdempotencyKey.Require(idempotencyKey);
        var now = clock.GetUtcNow();
        var row = KeyRotationStore.RowOf(idempotencyKey);
        var earlier = await rotations.GetAsync(platformId, row, cancellation);
        if (earlier is not null && now - earlier.StartedAt < ReplayWindow)
        {
            if (earlier.KeyId is not null)
            {
                return await ReplayAsync(earlier, idempotencyKey, now, cancellation);
            }
            if (now - earlier.StartedAt < AbandonedAfter)
            {
                throw InProgress();
            }
        }

        var claim = await rotations.ClaimAsync(new KeyRotationRecord(platformId, row, now, ApiKey.Hash(callerKey)), earlier, cancellation)
            ?? throw InProgress();
        var key = await keys.IssueAsync(ApiKey.PlatformPrefix, platformId, cancellation);
        var stopping = (await keys.ActiveHashesAsync(ApiKey.PlatformPrefix, platformId, cancellation)).Count - 1;
        // Sealed before the earlier keys are revoked: a request cut short in between is finished by its replay.
        var sealedClaim = claim with { KeyId = key.KeyId, Sealed = SealedKey.Seal(key.Key, idempotencyKey, platformId), RevokedKeys = stopping };
        _ = await rotations.ReplaceAsync(sealedClaim, claim.ETag, cancellation) ?? throw InProgress();
        await keys.RevokeAllButAsync(ApiKey.PlatformPrefix, platformId, key.KeyId, cancellation);
        await rotations.DeleteStartedBeforeAsync(platformId, now - ReplayWindow, cancellation);
        return new KeyRotation(platformId, key.KeyId, key.Key, stopping, Replayed: false);
    }

    /// <summary>
    /// The replay for a caller whose key no longer authenticates: only to the key that asked for the rotation
    /// (which the rotation revoked), with the same Idempotency-Key, within the window; null otherwise.
    /// </summary>
    public async Task<KeyRotation?> ReplayToEarlierKeyAsync(string platformId, string idempotencyKey, string presentedKey, CancellationToken cancellation)
    {
        if (!IdempotencyKey.IsValid(idempotencyKey))
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var earlier = await rotations.GetAsync(platformId, KeyRotationStore.RowOf(idempotencyKey), cancellation);
        if (earlier is not { KeyId: not null } || now - earlier.StartedAt >= ReplayWindow || !ApiKey.SameHash(earlier.CallerKeyHash, ApiKey.Hash(presentedKey)))
        {
            return null;
        }
        return await ReplayAsync(earlier, idempotencyKey, now, cancellation);
    }

    private async Task<KeyRotation> ReplayAsync(KeyRotationRecord earlier, string idempotencyKey, DateTimeOffset now, CancellationToken cancellation)
    {
        var keyId = earlier.KeyId!;
        var apiKey = earlier.Sealed is { } sealedKey ? SealedKey.Open(sealedKey, idempotencyKey, earlier.PlatformId) : null;
        if (apiKey is null || earlier.ReplayedAt is not null)
        {
            throw new ConflictException(
                "Khóa mới của Idempotency-Key này đã được trả lại một lần; hãy gửi Idempotency-Key khác để có khóa khác / "
                + "The new key of this Idempotency-Key was already given again once; send another Idempotency-Key for another key.");
        }
        if (!await keys.IsActiveAsync(ApiKey.PlatformPrefix, earlier.PlatformId, keyId, cancellation))
        {
            throw new ConflictException(
                "Khóa của Idempotency-Key này đã được thay bằng khóa sau / The key of this Idempotency-Key has been replaced by a later one.");
        }
        _ = await rotations.ReplaceAsync(earlier with { Sealed = null, ReplayedAt = now }, earlier.ETag, cancellation) ?? throw InProgress();
        // Finishes a rotation cut short before it revoked the earlier keys.
        await keys.RevokeAllButAsync(ApiKey.PlatformPrefix, earlier.PlatformId, keyId, cancellation);
        return new KeyRotation(earlier.PlatformId, keyId, apiKey, earlier.RevokedKeys ?? 0, Replayed: true);
    }

    private static ConflictException InProgress() => new(
        "Một yêu cầu khác với cùng Idempotency-Key đang được xử lý; hãy thử lại sau ít phút / "
        + "Another request with this Idempotency-Key is being handled; try again in a few minutes.");
}
