using System.Text.Json.Serialization;

namespace Etransactions.Functions.Platforms.Keys;

/// <summary>The reply of a key rotation (as JSON: <c>platformId</c>, <c>keyId</c>, <c>apiKey</c>, <c>revokedKeys</c>): the new key (shown to its platform), its id, and how many keys stopped working.</summary>
/// <param name="Replayed">The same Idempotency-Key asked again: this is the reply given the first time.</param>
public sealed record KeyRotation(string PlatformId, string KeyId, string ApiKey, int RevokedKeys, [property: JsonIgnore] bool Replayed);
