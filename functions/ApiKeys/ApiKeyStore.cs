using Azure.Data.Tables;

namespace Etransactions.Functions.ApiKeys;

/// <summary>
/// The hashes of the keys issued to agencies and platforms: table <c>apikeys</c>, partition
/// <c>{prefix}.{owner}</c>, one row per key. A key is never stored, only its SHA-256.
/// </summary>
public sealed class ApiKeyStore(TableServiceClient tables, TimeProvider clock)
{
    public const string Table = "apikeys";

    private readonly TableClient _keys = tables.GetTableClient(Table);
    private readonly Lazy<Task> _created = new(() => tables.GetTableClient(Table).CreateIfNotExistsAsync());

    /// <summary>Issues a new key for the owner; the key itself is returned once and never kept.</summary>
    public async Task<(string Key, DateTimeOffset CreatedAt)> IssueAsync(string prefix, string owner, CancellationToken cancellation)
    {
        await _created.Value;
        var (key, hash) = ApiKey.New(prefix, owner);
        var createdAt = clock.GetUtcNow();
        await _keys.AddEntityAsync(new TableEntity(Partition(prefix, owner), Convert.ToHexStringLower(hash[..8]))
        {
            ["Hash"] = hash,
            ["CreatedAt"] = createdAt,
        }, cancellation);
        return (key, createdAt);
    }

    /// <summary>The hashes of the owner's keys that are not revoked.</summary>
    public async Task<IReadOnlyList<byte[]>> ActiveHashesAsync(string prefix, string owner, CancellationToken cancellation)
    {
        await _created.Value;
        var hashes = new List<byte[]>();
        var partition = Partition(prefix, owner);
        await foreach (var row in _keys.QueryAsync<TableEntity>(row => row.PartitionKey == partition, cancellationToken: cancellation))
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
