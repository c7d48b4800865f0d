using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Core.Storage;
using Microsoft.Extensions.Options;

namespace Etransactions.Functions.Dossiers.Calendar;

/// <summary>
/// The published working-time calendars in table <c>calendars</c>, partition the year, one row per version,
/// never overwritten: a deadline counted on an earlier version can always be counted again.
/// </summary>
public sealed class CalendarStore(AppTables tables, IOptions<WorkingCalendarOptions> options)
{
    public const string Table = "calendars";

    // Each conflict means another writer took that version; this many writers at once still all get one.
    private const int Attempts = 32;

    private readonly AppTable _calendars = tables[Table];

    /// <summary>Stores the calendar as the year's next version.</summary>
    public async Task<PublishedCalendar> PublishAsync(CalendarYear calendar, string publishedBy, DateTimeOffset now, CancellationToken cancellation)
    {
        var version = (await LatestAsync(calendar.Year, cancellation))?.Version + 1 ?? 1;
        for (var attempt = 1; ; attempt++, version++)
        {
            var published = new PublishedCalendar(calendar, version, now, publishedBy);
            var (_, created) = await _calendars.AddOrReadAsync(Row(published), cancellation);
            if (created)
            {
                return published;
            }
            if (attempt == Attempts)
            {
                throw new InvalidOperationException($"Calendar {calendar.Year}: {Attempts} versions in a row were taken while publishing; try again.");
            }
        }
    }

    /// <summary>The version asked for, or the newest when <paramref name="version"/> is null; null when never published.</summary>
    public async Task<PublishedCalendar?> GetAsync(int year, int? version, CancellationToken cancellation)
    {
        if (version is { } asked)
        {
            return await _calendars.GetAsync(Partition(year), TableRow.VersionKey(asked), cancellation) is { } row ? Read(row) : null;
        }
        return await LatestAsync(year, cancellation);
    }

    /// <summary>The working time of the newest version of every published year, from one query of the table.</summary>
    public async Task<WorkingTime> CurrentAsync(CancellationToken cancellation)
    {
        var newest = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        await foreach (var row in _calendars.QueryAsync(null, cancellation))
        {
            if (!newest.TryGetValue(row.PartitionKey, out var kept) || string.CompareOrdinal(row.RowKey, kept.RowKey) > 0)
            {
                newest[row.PartitionKey] = row;
            }
        }
        return new WorkingTime(newest.Values.Select(row => Read(row).Calendar), options.Value.Hours);
    }

    private async Task<PublishedCalendar?> LatestAsync(int year, CancellationToken cancellation)
    {
        TableEntity? latest = null;
        await foreach (var row in _calendars.ListPartitionAsync(Partition(year), cancellation))
        {
            latest = row;
        }
        return latest is null ? null : Read(latest);
    }

    private static string Partition(int year) => year.ToString(CultureInfo.InvariantCulture);

    // Each list in a column of its own: a string column holds at most 32K characters, and a list of
    // CalendarDays.MaxEntries entries with the longest names stays under that.
    private static TableEntity Row(PublishedCalendar published) => TableRow.Of(
        Partition(published.Calendar.Year),
        TableRow.VersionKey(published.Version),
        [
            new("Year", published.Calendar.Year),
            new("Version", published.Version),
            new("PublishedAt", published.PublishedAt),
            new("PublishedBy", published.PublishedBy),
            new("Holidays", JsonSerializer.Serialize(published.Calendar.Days.Holidays, AppJson.Options)),
            new("CompensatoryDays", JsonSerializer.Serialize(published.Calendar.Days.CompensatoryDays, AppJson.Options)),
            new("Swaps", JsonSerializer.Serialize(published.Calendar.Days.Swaps, AppJson.Options)),
        ]);

    private static PublishedCalendar Read(TableEntity row) => new(
        new CalendarYear(
            row.GetInt32("Year") ?? 0,
            new CalendarDays
            {
                Holidays = List<Holiday>(row, "Holidays"),
                CompensatoryDays = List<CompensatoryDay>(row, "CompensatoryDays"),
                Swaps = List<DaySwap>(row, "Swaps"),
            }),
        row.GetInt32("Version") ?? 0,
        row.GetDateTimeOffset("PublishedAt") ?? default,
        row.GetString("PublishedBy"));

    private static List<T> List<T>(TableEntity row, string column) =>
        JsonSerializer.Deserialize<List<T>>(row.GetString(column) ?? "[]", AppJson.Options) ?? [];
}
