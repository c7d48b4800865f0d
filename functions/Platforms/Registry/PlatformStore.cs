using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Etransactions.Functions.Core.Problems;
using Etransactions.Functions.Core.Storage;

namespace Etransactions.Functions.Platforms.Registry;

/// <summary>
/// The platform registry: <c>platforms</c> (one row per platform), <c>platformindex</c> (one row per name and
/// per website in use, whose creation claims the value, so no two platforms share one) and
/// <c>platformhistory</c> (every revision before the current one).
/// </summary>
public sealed class PlatformStore(AppTables tables)
{
    public const string PlatformsTable = "platforms";
    public const string IndexTable = "platformindex";
    public const string HistoryTable = "platformhistory";
    private const string Partition = "platform";
    private const string NameField = "name";
    private const string WebsiteField = "website";

    private readonly AppTable _platforms = tables[PlatformsTable];
    private readonly AppTable _index = tables[IndexTable];
    private readonly AppTable _history = tables[HistoryTable];

    /// <summary>The platform, or null; an id that is not one the registry gives (a GUID) never reaches the table.</summary>
    public async Task<PlatformRecord?> GetAsync(string id, CancellationToken cancellation) =>
        Guid.TryParse(id, out _) && await _platforms.GetAsync(Partition, id, cancellation) is { } row ? PlatformRows.To(row) : null;

    /// <summary>The platform, or 404.</summary>
    public async Task<PlatformRecord> RequireAsync(string id, CancellationToken cancellation) =>
        await GetAsync(id, cancellation) ?? throw NoSuch(id);

    /// <summary>Every platform, in the order they were registered.</summary>
    public async Task<IReadOnlyList<PlatformRecord>> ListAsync(CancellationToken cancellation)
    {
        var platforms = new List<PlatformRecord>();
        await foreach (var row in _platforms.ListPartitionAsync(Partition, cancellation))
        {
            platforms.Add(PlatformRows.To(row));
        }
        return [.. platforms.OrderBy(platform => platform.RegisteredAt).ThenBy(platform => platform.Id, StringComparer.Ordinal)];
    }

    /// <summary>Registers a platform under a new id; a name or website another platform holds is a 409 naming the field.</summary>
    public async Task<PlatformRecord> RegisterAsync(string id, PlatformRegistration registration, DateTimeOffset now, CancellationToken cancellation)
    {
        var platform = new PlatformRecord(
            id, registration.Name, registration.Administrator, registration.Website, registration.Intermediary, registration.OperatingSince, now, now, 1);
        var claimed = await ClaimAsync(id, platform.Name, platform.Website, cancellation);
        try
        {
            var (_, created) = await _platforms.AddOrReadAsync(PlatformRows.From(platform, Partition, id), cancellation);
            if (!created)
            {
                throw new InvalidOperationException($"Platform id {id} is taken.");
            }
        }
        catch
        {
            await ReleaseAsync(claimed, cancellation);
            throw;
        }
        return platform;
    }

    /// <summary>
    /// Applies a change and keeps the revision before it. A name or website another platform holds is a 409
    /// naming the field; a change made meanwhile by another request is a 409 as well.
    /// </summary>
    public async Task<PlatformRecord> UpdateAsync(string id, PlatformPatch patch, DateTimeOffset now, CancellationToken cancellation)
    {
        var row = await _platforms.GetAsync(Partition, id, cancellation) ?? throw NoSuch(id);
        var before = PlatformRows.To(row);
        var after = patch.ApplyTo(before) with { UpdatedAt = now, Revision = before.Revision + 1 };
        var newName = UniqueKeys.NameKey(after.Name) != UniqueKeys.NameKey(before.Name) ? after.Name : null;
        var newWebsite = UniqueKeys.WebsiteKey(after.Website) != UniqueKeys.WebsiteKey(before.Website) ? after.Website : null;
        var claimed = await ClaimAsync(id, newName, newWebsite, cancellation);
        await _history.UpsertAsync(PlatformRows.From(before, id, TableRow.VersionKey(before.Revision)), cancellation);
        try
        {
            var platforms = await _platforms.ClientAsync();
            await platforms.UpdateEntityAsync(PlatformRows.From(after, Partition, id), row.ETag, TableUpdateMode.Replace, cancellation);
        }
        catch (RequestFailedException changed) when (changed.Status == 412)
        {
            await ReleaseAsync(claimed, cancellation);
            throw new ConflictException("Nền tảng vừa được sửa cùng lúc; hãy đọc lại và thử lại / The platform was changed at the same time; read it again and retry.", changed);
        }
        catch
        {
            await ReleaseAsync(claimed, cancellation);
            throw;
        }
        await ReleaseAsync(
            [.. new[] { newName is null ? null : IndexKey(NameField, before.Name), newWebsite is null ? null : IndexKey(WebsiteField, before.Website) }.OfType<IndexKeyRow>()],
            cancellation);
        return after;
    }

    /// <summary>The revisions before the current one, oldest first.</summary>
    public async Task<IReadOnlyList<PlatformRecord>> HistoryAsync(string id, CancellationToken cancellation)
    {
        var revisions = new List<PlatformRecord>();
        await foreach (var row in _history.ListPartitionAsync(id, cancellation))
        {
            revisions.Add(PlatformRows.To(row));
        }
        return revisions;
    }

    private sealed record IndexKeyRow(string Field, string Value, string Partition, string Row);

    /// <summary>The index row of a value: partition the field, row the SHA-256 of its comparison key.</summary>
    private static IndexKeyRow IndexKey(string field, string value)
    {
        var key = field == NameField ? UniqueKeys.NameKey(value) : UniqueKeys.WebsiteKey(value);
        return new(field, value, field, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))));
    }

    /// <summary>Claims the values (null: unchanged) for the platform; a value another platform holds releases what was claimed and is a 409.</summary>
    private async Task<List<IndexKeyRow>> ClaimAsync(string id, string? name, string? website, CancellationToken cancellation)
    {
        var claimed = new List<IndexKeyRow>();
        var wanted = new[] { name is null ? null : IndexKey(NameField, name), website is null ? null : IndexKey(WebsiteField, website) };
        foreach (var key in wanted.OfType<IndexKeyRow>())
        {
            try
            {
                var (row, created) = await _index.AddOrReadAsync(TableRow.Of(key.Partition, key.Row, [new("PlatformId", id)]), cancellation);
                var holder = row.GetString("PlatformId");
                if (created)
                {
                    claimed.Add(key);
                }
                else if (holder != id)
                {
                    throw new ConflictException($"Đã có nền tảng khác đăng ký với {key.Field} này / Another platform is already registered with this {key.Field}: {key.Value}")
                    {
                        Extensions = { ["field"] = key.Field, ["platformId"] = holder },
                    };
                }
            }
            catch
            {
                await ReleaseAsync(claimed, cancellation);
                throw;
            }
        }
        return claimed;
    }

    private async Task ReleaseAsync(IReadOnlyList<IndexKeyRow> keys, CancellationToken cancellation)
    {
        if (keys.Count == 0)
        {
            return;
        }
        var index = await _index.ClientAsync();
        foreach (var key in keys)
        {
            // A missing row is already released (404 is not an error for DeleteEntity).
            await index.DeleteEntityAsync(key.Partition, key.Row, ETag.All, cancellation);
        }
    }

    private static NotFoundException NoSuch(string id) =>
        new($"Không có nền tảng mã \"{id}\" / No platform has the id \"{id}\".");
}
