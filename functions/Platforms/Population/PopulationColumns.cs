using System.Globalization;
using Azure.Data.Tables;
using Etransactions.Functions.Platforms.Domain;

namespace Etransactions.Functions.Platforms.Population;

/// <summary>A population figure as typed columns, under a prefix (<c>PopulationValue</c>) where it sits in another record's row.</summary>
internal static class PopulationColumns
{
    public static IEnumerable<KeyValuePair<string, object?>> Of(PopulationFigure figure, string prefix = "")
    {
        yield return new(prefix + "Year", figure.Year);
        yield return new(prefix + "Version", figure.Version);
        yield return new(prefix + "Value", figure.Value);
        yield return new(prefix + "Source", figure.Source);
        // Table storage has no date type; YYYY-MM-DD compares as the date does.
        yield return new(prefix + "AnnouncedOn", figure.AnnouncedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        yield return new(prefix + "RecordedAt", figure.RecordedAt);
    }

    public static PopulationFigure Read(TableEntity row, string prefix = "") => new(
        row.GetInt32(prefix + "Year") ?? 0,
        row.GetInt32(prefix + "Version") ?? 0,
        row.GetInt64(prefix + "Value") ?? 0,
        row.GetString(prefix + "Source"),
        DateOnly.ParseExact(row.GetString(prefix + "AnnouncedOn"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        row.GetDateTimeOffset(prefix + "RecordedAt") ?? default);
}
