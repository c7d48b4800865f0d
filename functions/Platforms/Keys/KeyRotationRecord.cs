namespace Etransactions.Functions.Platforms.Keys;

/// <summary>
/// A rotation asked for with an Idempotency-Key: claimed when it starts, then the new key's id and its seal,
/// until the one replay takes the seal away.
/// </summary>
/// <param name="Row">The SHA-256 of the Idempotency-Key, which is never stored.</param>
/// <param name="CallerKeyHash">The SHA-256 of the API key that asked, which the rotation may revoke: it may still ask for the replay.</param>
/// <param name="Sealed">The new key sealed by <see cref="SealedKey"/>; null before it is issued and after its replay.</param>
public sealed record KeyRotationRecord(
    string PlatformId,
    string Row,
    DateTimeOffset StartedAt,
    byte[] CallerKeyHash,
    string? KeyId = null,
    byte[]? Sealed = null,
    int? RevokedKeys = null,
    DateTimeOffset? ReplayedAt = null)
{
    public Azure.ETag ETag { get; init; }
}
