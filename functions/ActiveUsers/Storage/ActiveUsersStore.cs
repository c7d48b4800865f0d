using Azure.Data.Tables;
using Etransactions.Functions.Core.Storage;

namespace Etransactions.Functions.ActiveUsers.Storage;

/// <summary>
/// The tables of the counting: <c>activitybatches</c>, one row per batch and month with its events (so a
/// batch delivered twice is counted once), and <c>activeusers</c>, the finalized figures, one row per
/// platform and month, which is all that is kept once a month is finalized.
/// </summary>
public sealed class ActiveUsersStore(AppTables tables)
{
    public const string BatchesTable = "activitybatches";
    public const string FiguresTable = "activeusers";

    private AppTable Batches => tables[BatchesTable];

    private AppTable Figures => tables[FiguresTable];

    /// <summary>Records a batch's events of one month; false when that batch was recorded before (a replay).</summary>
    public async Task<bool> RecordBatchAsync(string platformId, string month, string batchId, long events, long eventsInVietnam, DateTimeOffset at, CancellationToken cancellation)
    {
        var (_, created) = await Batches.AddOrReadAsync(TableRow.Of(BatchPartition(platformId, month), batchId, [
            new("Events", events), new("EventsInVietnam", eventsInVietnam), new("ReceivedAt", at)]), cancellation);
        return created;
    }

    /// <summary>The events of a platform's month so far: every batch once.</summary>
    public async Task<long> EventsAsync(string platformId, string month, CancellationToken cancellation)
    {
        long events = 0;
        await foreach (var row in Batches.ListPartitionAsync(BatchPartition(platformId, month), cancellation))
        {
            events += row.GetInt64("Events") ?? 0;
        }
        return events;
    }

    public async Task DeleteBatchesAsync(string platformId, string month, CancellationToken cancellation)
    {
        var client = await Batches.ClientAsync();
        await foreach (var row in Batches.ListPartitionAsync(BatchPartition(platformId, month), cancellation))
        {
            await client.DeleteEntityAsync(row.PartitionKey, row.RowKey, cancellationToken: cancellation);
        }
    }

    /// <summary>Stores a finalized month; the first finalization of a month is kept, a second changes nothing.</summary>
    public async Task<MonthFigure> FinalizeAsync(MonthFigure figure, CancellationToken cancellation)
    {
        var (row, _) = await Figures.AddOrReadAsync(TableRow.Of(figure.PlatformId, figure.Month, [
            new("Users", figure.Users), new("UsersAbroad", figure.UsersAbroad), new("Events", figure.Events), new("FinalizedAt", figure.FinalizedAt)]), cancellation);
        return Read(row);
    }

    public async Task<MonthFigure?> FinalizedAsync(string platformId, string month, CancellationToken cancellation) =>
        await Figures.GetAsync(platformId, month, cancellation) is { } row ? Read(row) : null;

    /// <summary>A platform's finalized months from <paramref name="from"/> to <paramref name="to"/> (<c>yyyy-MM</c>), in order.</summary>
    public async Task<IReadOnlyList<MonthFigure>> FinalizedAsync(string platformId, string from, string to, CancellationToken cancellation)
    {
        var figures = new List<MonthFigure>();
        await foreach (var row in Figures.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {platformId} and RowKey ge {from} and RowKey le {to}"), cancellation))
        {
            figures.Add(Read(row));
        }
        return [.. figures.OrderBy(figure => figure.Month, StringComparer.Ordinal)];
    }

    private static string BatchPartition(string platformId, string month) => $"{platformId}.{month}";

    private static MonthFigure Read(TableEntity row) => new(
        row.PartitionKey, row.RowKey, row.GetInt64("Users") ?? 0, row.GetInt64("UsersAbroad") ?? 0, row.GetInt64("Events") ?? 0, row.GetDateTimeOffset("FinalizedAt"));
}

/// <summary>
/// A platform's month: distinct users in Vietnam (the figure of Art. 17), distinct users outside it, events;
/// <see cref="FinalizedAt"/> is null for the month under way, counted as it stands.
/// </summary>
public sealed record MonthFigure(string PlatformId, string Month, long Users, long UsersAbroad, long Events, DateTimeOffset? FinalizedAt)
{
    public bool Final => FinalizedAt is not null;
}
