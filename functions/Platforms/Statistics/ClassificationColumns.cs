using Azure.Data.Tables;
using Etransactions.Functions.Core.Storage;
using Etransactions.Functions.Platforms.Domain;
using Etransactions.Functions.Platforms.Population;

namespace Etransactions.Functions.Platforms.Statistics;

/// <summary>A classification and the population figure it used, as typed columns of a statistics or determination row.</summary>
internal static class ClassificationColumns
{
    public static IEnumerable<KeyValuePair<string, object?>> Of(Classification? classification)
    {
        if (classification is null)
        {
            yield break;
        }
        yield return new("MonthCount", classification.Months);
        yield return new("FirstMonth", classification.FirstMonth);
        yield return new("LastMonth", classification.LastMonth);
        yield return new("TotalActiveUsers", classification.TotalActiveUsers);
        yield return new("AverageMonthlyActiveUsers", classification.AverageMonthlyActiveUsers);
        yield return new("SharePercent", classification.SharePercent);
        yield return new("SystemScale", EnumColumn.Of(classification.SystemScale));
        yield return new("ClassifiedIntermediary", classification.Intermediary);
        yield return new("Scale", EnumColumn.Of(classification.Scale));
        foreach (var column in PopulationColumns.Of(classification.Population, "Population"))
        {
            yield return column;
        }
    }

    /// <summary>The classification of a row, or null when it has none (a determination not classified yet).</summary>
    public static Classification? Read(TableEntity row) => row.GetString("Scale") is { } scale
        ? new Classification(
            row.GetInt32("MonthCount") ?? 0,
            row.GetString("FirstMonth"),
            row.GetString("LastMonth"),
            row.GetInt64("TotalActiveUsers") ?? 0,
            row.GetDouble("AverageMonthlyActiveUsers") ?? 0,
            row.GetDouble("SharePercent") ?? 0,
            EnumColumn.Parse<Scale>(row.GetString("SystemScale")),
            row.GetBoolean("ClassifiedIntermediary") ?? false,
            EnumColumn.Parse<Scale>(scale),
            PopulationColumns.Read(row, "Population"))
        : null;
}
