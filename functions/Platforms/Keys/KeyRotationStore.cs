using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Etransactions.Functions.Core.Storage;

namespace Etransactions.Functions.Platforms.Keys;

/// <summary>
/// Key rotations asked for with an Idempotency-Key, in table <c>platformkeyrotations</c>: partition the
/// platform id, row the SHA-256 of the Idempotency-Key (the header itself is never stored). Every write after
/// the claim is conditional on the row as read, so two requests with the same header cannot both proceed.
/// </summary>
public sealed class KeyRotationStore(AppTables tables)
{
    public const string Table = "platformkeyrotations";

    private readonly AppTable _rotations = tables[Table];

    public static string RowOf(string idempotencyKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)));

    public async Task<KeyRotationRecord?> GetAsync(string platformId, string row, CancellationToken cancellation) =>
        await _rotations.GetAsync(platformId, row, cancellation) is { } found ? Read(found) : null;

    /// <summary>
    /// Claims the row for a new rotation, over <paramref name="replacing"/> (an expired or abandoned one) when
    /// given; null when another request holds it.
    /// </summary>
    public async Task<KeyRotationRecord?> ClaimAsync(KeyRotationRecord claim, KeyRotationRecord? replacing, CancellationToken cancellation)
    {
        if (replacing is null)
        {
            var (kept, created) = await _rotations.AddOrReadAsync(Row(claim), cancellation);
            return created ? Read(kept) : null;
        }
        return await ReplaceAsync(claim, replacing.ETag, cancellation);
    }

    /// <summary>Writes the rotation as it is now, if the row is still as it was read; null when another request changed it.</summary>
    public async Task<KeyRotationRecord?> ReplaceAsync(KeyRotationRecord rotation, ETag ifMatch, CancellationToken cancellation)
    {
        try
        {
            var rotations = await _rotations.ClientAsync();
            var replaced = await rotations.UpdateEntityAsync(Row(rotation), ifMatch, TableUpdateMode.Replace, cancellation);
            return rotation with { ETag = replaced.Headers.ETag ?? default };
        }
        catch (RequestFailedException moved) when (moved.Status is 404 or 412)
        {
            return null;
        }
    }

    /// <summary>Deletes the platform's rotations started before <paramref name="before"/>: past their window, nothing of them is needed.</summary>
    public async Task DeleteStartedBeforeAsync(string platformId, DateTimeOffset before, CancellationToken cancellation)
    {
        var rotations = await _rotations.ClientAsync();
        await foreach (var row in _rotations.ListPartitionAsync(platformId, cancellation))
        {
            if (row.GetDateTimeOffset("StartedAt") < before)
            {
                await rotations.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellation);
            }
        }
    }

    private static TableEntity Row(KeyRotationRecord rotation) => TableRow.Of(rotation.PlatformId, rotation.Row, new Dictionary<string, object?>
    {
        ["StartedAt"] = rotation.StartedAt,
        ["CallerKeyHash"] = rotation.CallerKeyHash,
        ["KeyId"] = rotation.KeyId,
        ["Sealed"] = rotation.Sealed,
        ["RevokedKeys"] = rotation.RevokedKeys,
        ["ReplayedAt"] = rotation.ReplayedAt,
    });

    private static KeyRotationRecord Read(TableEntity row) => new(
        row.PartitionKey,
        row.RowKey,
        row.GetDateTimeOffset("StartedAt") ?? default,
        row.GetBinary("CallerKeyHash") ?? [],
        row.GetString("KeyId"),
        row.GetBinary("Sealed"),
        row.GetInt32("RevokedKeys"),
        row.GetDateTimeOffset("ReplayedAt"))
    {
        ETag = row.ETag,
    };
}
