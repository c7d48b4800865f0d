using System.Text.Json.Serialization;
using Etransactions.Functions.Platforms.Domain;

namespace Etransactions.Functions.Publication.List;

/// <summary>What changed from one published version to the next: platforms added, removed, and whose scale changed.</summary>
public sealed record ListChanges(IReadOnlyList<ListedChange> Added, IReadOnlyList<ListedChange> Removed, IReadOnlyList<ScaleChange> ScaleChanged)
{
    [JsonIgnore]
    public bool None => Added.Count == 0 && Removed.Count == 0 && ScaleChanged.Count == 0;

    public static ListChanges Between(IReadOnlyList<ListedPlatform> previous, IReadOnlyList<ListedPlatform> current)
    {
        var before = previous.ToDictionary(entry => entry.PlatformId, StringComparer.Ordinal);
        var after = current.ToDictionary(entry => entry.PlatformId, StringComparer.Ordinal);
        return new ListChanges(
            [.. current.Where(entry => !before.ContainsKey(entry.PlatformId)).Select(entry => new ListedChange(entry.PlatformId, entry.Name, entry.Scale))],
            [.. previous.Where(entry => !after.ContainsKey(entry.PlatformId)).Select(entry => new ListedChange(entry.PlatformId, entry.Name, entry.Scale))],
            [.. current.Where(entry => before.TryGetValue(entry.PlatformId, out var earlier) && earlier.Scale != entry.Scale)
                .Select(entry => new ScaleChange(entry.PlatformId, entry.Name, before[entry.PlatformId].Scale, entry.Scale))]);
    }
}

public sealed record ListedChange(string PlatformId, string Name, Scale Scale);

public sealed record ScaleChange(string PlatformId, string Name, Scale From, Scale To);
