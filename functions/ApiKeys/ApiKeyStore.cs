using Azure.Data.Tables;
using Etransactions.Functions.Core.Storage;

namespace Etransactions.Functions.ApiKeys;

/// <summary>
/// The hashes of the keys issued to agencies and platforms: table <c>apikeys</c>, partition
/// <c>{prefix}.{owner}</c>, one row per key. A key is never stored, only its SHA-256.
/// </summary>
public sealed class ApiKeyStore(AppTables tables, TimeProvider clock)
{
    public const string Table = "apikeys";

    private readonly AppTable _keys = tables[Table];

    /// <summary>Issues a new key for the owner; the key itself is returned once and never kept.</summary>
    public async Task<IssuedKey> IssueAsync(string prefix, string owner, CancellationToken cancellation)
    {
        var (key, hash) = ApiKey.New(prefix, owner);
        var createdAt = clock.GetUtcNow();
        var keyId = Convert.ToHexStringLower(hash[..8]);
        var (_, created) = await _keys.AddOrReadAsync(TableRow.Of(Partition(prefix, owner), keyId, [new("Hash", hash), new("CreatedAt", createdAt)]), cancellation);
        if (!created)
        {
            // 64 random bits of a fresh secret matched a stored key's: never seen, but never issued twice either.
            throw new InvalidOperationException($"A new key for {prefix}.{owner} collided with a stored one; ask again.");
        }
        return new IssuedKey(key, keyId, createdAt);
    }

    /// <summary>Revokes every key of the owner but <paramref name="keepKeyId"/>, so that one key works; returns how many were revoked.</summary>
    public async Task<int> RevokeAllButAsync(string prefix, string owner, string keepKeyId, CancellationToken cancellation)
    {
        var revokedAt = clock.GetUtcNow();
        var keys = await _keys.ClientAsync();
        var revoked = 0;
        await foreach (var row in _keys.ListPartitionAsync(Partition(prefix, owner), cancellation))
        {
            if (row.RowKey != keepKeyId && row.GetDateTimeOffset("RevokedAt") is null)
            {
                await keys.UpdateEntityAsync(TableRow.Of(row.PartitionKey, row.RowKey, [new("RevokedAt", revokedAt)]), Azure.ETag.All, TableUpdateMode.Merge, cancellation);
                revoked++;
            }
        }
        return revoked;
    }

    /// <summary>Whether the owner's key <paramref name="keyId"/> exists and is not revoked.</summary>
    public async Task<bool> IsActiveAsync(string prefix, string owner, string keyId, CancellationToken cancellation) =>
        await _keys.GetAsync(Partition(prefix, owner), keyId, cancellation) is { } row && row.GetDateTimeOffset("RevokedAt") is null;

    /// <summary>The hashes of the owner's keys that are not revoked.</summary>
    public async Task<IReadOnlyList<byte[]>> ActiveHashesAsync(string prefix, string owner, CancellationToken cancellation)
    {
        var hashes = new List<byte[]>();
        await foreach (var row in _keys.ListPartitionAsync(Partition(prefix, owner), cancellation))
        {
            if (row.GetDateTimeOffset("RevokedAt") is null && row.GetBinary("Hash") is { } hash)
            {
                hashes.Add(hash);
            }
        }
        return hashes;
    }

    private static string Partition(string prefix, string owner) => $"{prefix}.{owner}";
}
