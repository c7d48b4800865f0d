using System.Globalization;
using Azure.Data.Tables;
using Etransactions.Functions.Core;
using Etransactions.Functions.Core.Storage;
using Etransactions.Functions.Platforms.Domain;

namespace Etransactions.Functions.Platforms.Population;

/// <summary>
/// Official population figures in table <c>population</c>, partition the year, one row per version: a
/// correction is a new version, never an overwrite, so every determination can name and reproduce the
/// figure it used.
/// </summary>
public sealed class PopulationStore(AppTables tables)
{
    public const string Table = "population";
    private const int Attempts = 4;

    private readonly AppTable _figures = tables[Table];

    /// <summary>Every version of the year's figure, oldest first.</summary>
    public async Task<IReadOnlyList<PopulationFigure>> VersionsAsync(int year, CancellationToken cancellation)
    {
        var versions = new List<PopulationFigure>();
        await foreach (var row in _figures.ListPartitionAsync(Partition(year), cancellation))
        {
            versions.Add(Read(row));
        }
        return versions;
    }

    /// <summary>Records a figure as the year's next version; the same figure as the latest changes nothing.</summary>
    public async Task<(PopulationFigure Figure, bool Created)> PutAsync(int year, PopulationBody body, DateTimeOffset now, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await VersionsAsync(year, cancellation) is [.., var latest] ? latest : null;
            if (current is not null && current.Value == body.Value && current.Source == body.Source && current.AnnouncedOn == body.AnnouncedOn)
            {
                return (current, false);
            }
            var figure = new PopulationFigure(year, (current?.Version ?? 0) + 1, body.Value, body.Source, body.AnnouncedOn, now);
            var (_, created) = await _figures.AddOrReadAsync(Row(figure), cancellation);
            if (created)
            {
                return (figure, true);
            }
            // Another writer took that version number: read again.
            if (attempt == Attempts)
            {
                throw new InvalidOperationException($"Population {year}: version {figure.Version} was taken {Attempts} times over; try again.");
            }
        }
    }

    /// <summary>
    /// "The most recent official announcement" (Art. 17.2) at an instant: of the figures announced on or
    /// before that day (Vietnam time), the one announced last; on the same day, the later year, then the later version.
    /// </summary>
    public async Task<PopulationFigure?> MostRecentAsync(DateTimeOffset asOf, CancellationToken cancellation)
    {
        var day = VietnamTime.DateOf(asOf).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        PopulationFigure? best = null;
        await foreach (var row in _figures.QueryAsync(TableClient.CreateQueryFilter($"AnnouncedOn le {day}"), cancellation))
        {
            var figure = Read(row);
            if (best is null || (figure.AnnouncedOn, figure.Year, figure.Version).CompareTo((best.AnnouncedOn, best.Year, best.Version)) > 0)
            {
                best = figure;
            }
        }
        return best;
    }

    private static string Partition(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static TableEntity Row(PopulationFigure figure) =>
        TableRow.Of(Partition(figure.Year), TableRow.VersionKey(figure.Version), PopulationColumns.Of(figure));

    private static PopulationFigure Read(TableEntity row) => PopulationColumns.Read(row);
}
