namespace Etransactions.Functions.ApiKeys;

/// <summary>A key just issued: <see cref="Key"/> is shown to its owner this once; <see cref="KeyId"/> names its stored hash.</summary>
public sealed record IssuedKey(string Key, string KeyId, DateTimeOffset CreatedAt);
