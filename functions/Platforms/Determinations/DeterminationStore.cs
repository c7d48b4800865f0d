using System.Globalization;
using Azure.Data.Tables;
using Etransactions.Functions.Core.Storage;
using Etransactions.Functions.Platforms.Domain;
using Etransactions.Functions.Platforms.Statistics;

namespace Etransactions.Functions.Platforms.Determinations;

/// <summary>
/// Self-determinations in Table storage: <c>determinations</c> (partition the platform id, row the cycle),
/// <c>determinationtimeline</c> and <c>determinationreviews</c> (partition <c>{platformId}-{cycle}</c>).
/// </summary>
public sealed class DeterminationStore(AppTables tables)
{
    public const string RecordsTable = "determinations";
    public const string TimelineTable = "determinationtimeline";
    public const string ReviewsTable = "determinationreviews";

    private readonly AppTable _records = tables[RecordsTable];
    private readonly AppTable _timeline = tables[TimelineTable];
    private readonly AppTable _reviews = tables[ReviewsTable];

    public async Task<DeterminationRecord?> GetAsync(string platformId, int cycle, CancellationToken cancellation) =>
        await _records.GetAsync(platformId, Row(cycle), cancellation) is { } row ? DeterminationRows.ToRecord(row) : null;

    /// <summary>Every platform's record for a cycle, or every record when no cycle is given.</summary>
    public async Task<IReadOnlyList<DeterminationRecord>> ListAsync(int? cycle, CancellationToken cancellation)
    {
        var filter = cycle is { } year ? TableClient.CreateQueryFilter($"RowKey eq {Row(year)}") : null;
        var records = new List<DeterminationRecord>();
        await foreach (var row in _records.QueryAsync(filter, cancellation))
        {
            records.Add(DeterminationRows.ToRecord(row));
        }
        return records;
    }

    /// <summary>Creates the record unless one exists; returns the stored one and whether it was created now.</summary>
    public async Task<(DeterminationRecord Record, bool Created)> OpenAsync(DeterminationRecord initial, CancellationToken cancellation)
    {
        var (row, created) = await _records.AddOrReadAsync(DeterminationRows.FromRecord(initial), cancellation);
        return (created ? initial : DeterminationRows.ToRecord(row), created);
    }

    public Task SaveAsync(DeterminationRecord record, CancellationToken cancellation) =>
        _records.UpsertAsync(DeterminationRows.FromRecord(record), cancellation);

    /// <summary>Adds a timeline entry; its id comes from the writer, so a repeated write keeps the first and adds nothing.</summary>
    public async Task AddTimelineAsync(string platformId, int cycle, TimelineEntry entry, CancellationToken cancellation) =>
        await _timeline.AddOrReadAsync(DeterminationRows.FromTimeline(StatisticsStore.Partition(platformId, cycle), entry), cancellation);

    /// <summary>The timeline by the time of each event; entries of the same instant in the order they were written, then by id.</summary>
    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(string platformId, int cycle, CancellationToken cancellation)
    {
        var rows = new List<(TimelineEntry Entry, DateTimeOffset Written)>();
        await foreach (var row in _timeline.ListPartitionAsync(StatisticsStore.Partition(platformId, cycle), cancellation))
        {
            rows.Add((DeterminationRows.ToTimeline(row), row.Timestamp ?? default));
        }
        return [.. rows
            .OrderBy(row => row.Entry.At)
            .ThenBy(row => row.Written)
            .ThenBy(row => row.Entry.Id, StringComparer.Ordinal)
            .Select(row => row.Entry)];
    }

    /// <summary>
    /// Records the regulator's review of one submission version. One review per version: the first stored
    /// wins, and the stored one is returned, so the caller can tell a repeat from a contradiction.
    /// </summary>
    public async Task<(ReviewRecord Review, bool Created)> RecordReviewAsync(string platformId, int cycle, ReviewRecord review, CancellationToken cancellation)
    {
        var (row, created) = await _reviews.AddOrReadAsync(DeterminationRows.FromReview(StatisticsStore.Partition(platformId, cycle), review), cancellation);
        return (created ? review : DeterminationRows.ToReview(row), created);
    }

    /// <summary>The reviews of a platform's cycle, by version.</summary>
    public async Task<IReadOnlyList<ReviewRecord>> ReviewsAsync(string platformId, int cycle, CancellationToken cancellation)
    {
        var reviews = new List<ReviewRecord>();
        await foreach (var row in _reviews.ListPartitionAsync(StatisticsStore.Partition(platformId, cycle), cancellation))
        {
            reviews.Add(DeterminationRows.ToReview(row));
        }
        return reviews;
    }

    private static string Row(int cycle) => cycle.ToString(CultureInfo.InvariantCulture);
}
