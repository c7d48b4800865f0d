using Etransactions.Functions.Core;
using Etransactions.Functions.Platforms.Domain;
using Etransactions.Functions.Platforms.Registry;

namespace Etransactions.Functions.Publication.List;

/// <summary>
/// The list of large and particularly large intermediary platforms: for each platform, its latest
/// determined cycle, when that cycle's scale is large or particularly large. Particularly large first,
/// then by users, most first; the name decides ties, so the same determinations make the same list.
/// </summary>
public static class LargePlatformList
{
    public static IReadOnlyList<ListedPlatform> Build(IEnumerable<PlatformRecord> platforms, IEnumerable<DeterminationRecord> determinations)
    {
        var latest = determinations
            .Where(record => record.Status == DeterminationStatus.Determined && record.Classification is not null)
            .GroupBy(record => record.PlatformId)
            .ToDictionary(cycles => cycles.Key, cycles => cycles.MaxBy(record => record.Cycle)!);
        var listed = new List<ListedPlatform>();
        foreach (var platform in platforms)
        {
            if (!platform.Intermediary || !latest.TryGetValue(platform.Id, out var record)
                || record.Classification is not { Scale: Scale.Large or Scale.ParticularlyLarge } classification)
            {
                continue;
            }
            listed.Add(new ListedPlatform(
                platform.Id, platform.Name, platform.Administrator.Name, platform.Administrator.Country, platform.Website,
                classification.Scale, classification.AverageMonthlyActiveUsers, classification.SharePercent,
                classification.Population.Year, classification.Population.Version, classification.Population.Value, classification.Population.Source,
                record.Cycle, VietnamTime.DateOf(record.UpdatedAt)));
        }
        return [.. listed
            .OrderByDescending(entry => entry.Scale == Scale.ParticularlyLarge)
            .ThenByDescending(entry => entry.AverageMonthlyActiveUsers)
            .ThenBy(entry => entry.Name, StringComparer.Ordinal)
            .ThenBy(entry => entry.PlatformId, StringComparer.Ordinal)];
    }
}
