using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Etransactions.Functions.ActiveUsers.Counting;

namespace Etransactions.Functions.ActiveUsers.Storage;

/// <summary>The key sets of the users seen, per platform, day and region, in the container <c>activitysets</c>.</summary>
public sealed class ActivitySets(BlobServiceClient blobs)
{
    public const string Container = "activitysets";

    /// <summary>What a set's reader buffers of its blob: a month's merge holds one such buffer per day-set.</summary>
    private const int ReadBufferBytes = 256 * 1024;

    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(Container);
    private readonly Lazy<Task> _created = new(() => blobs.GetBlobContainerClient(Container).CreateIfNotExistsAsync());

    /// <summary>
    /// Writes a batch's chunk: immutable in content, named by the batch, so a batch delivered again writes
    /// the same bytes to the same name.
    /// </summary>
    public async Task WriteChunkAsync(ActivitySetName name, ReadOnlyMemory<ulong> sortedDistinct, CancellationToken cancellation)
    {
        await _created.Value;
        using var content = new MemoryStream();
        KeySet.Write(content, sortedDistinct.Span);
        content.Position = 0;
        await _container.GetBlobClient(name.Blob).UploadAsync(content, overwrite: true, cancellation);
    }

    /// <summary>The sets of one platform's month (or of every platform and month), grouped by day and region.</summary>
    public async Task<IReadOnlyList<ActivityDayGroup>> ListAsync(string? platformId, string? month, CancellationToken cancellation)
    {
        await _created.Value;
        var prefix = platformId is null ? null : month is null ? platformId + "/" : ActivitySetName.MonthPrefix(platformId, month);
        var groups = new Dictionary<string, ActivityDayGroup>(StringComparer.Ordinal);
        await foreach (var blob in _container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellation))
        {
            if (ActivitySetName.Parse(blob.Name) is not { } name)
            {
                continue;
            }
            if (!groups.TryGetValue(name.Group, out var group))
            {
                group = new ActivityDayGroup(name.PlatformId, name.Day, name.Region);
                groups[name.Group] = group;
            }
            if (name.BatchId is null)
            {
                group.DaySet = blob.Properties.ETag;
            }
            else
            {
                group.Chunks.Add(name.BatchId);
            }
        }
        return [.. groups.Values];
    }

    /// <summary>
    /// Merges a day's chunks into its day-set and deletes them. The day-set is replaced only if it is still the
    /// one read (If-Match, or If-None-Match when there was none), so two compactions at once cannot lose a chunk:
    /// the one that loses the race fails with 412 and the chunks it read stay for the next run.
    /// </summary>
    public async Task<long> CompactAsync(ActivityDayGroup group, CancellationToken cancellation)
    {
        await using var sets = await OpenAsync(group.Names, group.DaySet, cancellation);
        await using var merged = TemporaryFile();
        long count;
        using (var writer = new KeySetWriter(merged))
        {
            foreach (var key in DistinctMerge.Keys(sets.Readers))
            {
                writer.Add(key);
            }
            count = writer.Count;
        }
        merged.Position = 0;
        var conditions = group.DaySet is { } current ? new BlobRequestConditions { IfMatch = current } : new BlobRequestConditions { IfNoneMatch = ETag.All };
        await _container.GetBlobClient(group.DaySetName.Blob).UploadAsync(merged, new BlobUploadOptions { Conditions = conditions }, cancellation);
        foreach (var batch in group.Chunks)
        {
            await _container.GetBlobClient(group.ChunkName(batch).Blob).DeleteIfExistsAsync(cancellationToken: cancellation);
        }
        return count;
    }

    /// <summary>The exact number of distinct users of a platform's month in a region, from every set it has.</summary>
    public async Task<long> CountAsync(IReadOnlyList<ActivityDayGroup> month, Region region, CancellationToken cancellation)
    {
        await using var sets = await OpenAsync(month.Where(group => group.Region == region).SelectMany(group => group.Names), null, cancellation);
        return DistinctMerge.Count(sets.Readers);
    }

    /// <summary>Deletes every set of a platform's month: once finalized, only its counts are kept.</summary>
    public async Task DeleteMonthAsync(string platformId, string month, CancellationToken cancellation)
    {
        await foreach (var blob in _container.GetBlobsAsync(new GetBlobsOptions { Prefix = ActivitySetName.MonthPrefix(platformId, month) }, cancellation))
        {
            await _container.GetBlobClient(blob.Name).DeleteIfExistsAsync(cancellationToken: cancellation);
        }
    }

    /// <summary>Opens the sets as streams, the day-set (when <paramref name="daySet"/> is given) only if it is still that version.</summary>
    private async Task<OpenSets> OpenAsync(IEnumerable<ActivitySetName> names, ETag? daySet, CancellationToken cancellation)
    {
        var open = new OpenSets();
        try
        {
            foreach (var name in names)
            {
                var options = new BlobOpenReadOptions(allowModifications: false) { BufferSize = ReadBufferBytes };
                if (name.BatchId is null && daySet is { } etag)
                {
                    options.Conditions = new BlobRequestConditions { IfMatch = etag };
                }
                var stream = await _container.GetBlobClient(name.Blob).OpenReadAsync(options, cancellation);
                open.Streams.Add(stream);
                open.Readers.Add(new KeySetReader(stream, name.Blob, ReadBufferBytes));
            }
            return open;
        }
        catch
        {
            await open.DisposeAsync();
            throw;
        }
    }

    private static FileStream TemporaryFile() => new(
        Path.Combine(Path.GetTempPath(), $"activity-{Guid.NewGuid():N}.keys"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
}

/// <summary>Open sets: a reader on each blob's stream, the streams closed together.</summary>
internal sealed class OpenSets : IAsyncDisposable
{
    public List<Stream> Streams { get; } = [];

    public List<KeySetReader> Readers { get; } = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var stream in Streams)
        {
            await stream.DisposeAsync();
        }
    }
}

/// <summary>The sets of one platform's day in one region: its day-set (by ETag) if compacted before, and the chunks since.</summary>
public sealed class ActivityDayGroup(string platformId, string day, Region region)
{
    public string PlatformId { get; } = platformId;

    public string Day { get; } = day;

    public string Month => Day[..7];

    public Region Region { get; } = region;

    public ETag? DaySet { get; set; }

    public List<string> Chunks { get; } = [];

    public ActivitySetName DaySetName => new(PlatformId, Day, Region, null);

    public ActivitySetName ChunkName(string batchId) => new(PlatformId, Day, Region, batchId);

    /// <summary>Every set of the group: the day-set first, then the chunks.</summary>
    public IEnumerable<ActivitySetName> Names => (DaySet is null ? [] : new[] { DaySetName }).Concat(Chunks.Select(ChunkName));
}
