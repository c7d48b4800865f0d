using System.Text.Json.Serialization;
using Etransactions.Functions.Core;

namespace Etransactions.Functions.Health;

/// <summary>The body of <c>GET /api/health</c>; <c>down</c> lists the failed checks when there are any.</summary>
public sealed record HealthReport(
    string Status,
    string Version,
    string CheckedAt,
    IReadOnlyDictionary<string, ComponentCheck> Checks,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Down)
{
    public const string Healthy = "healthy";
    public const string Unhealthy = "unhealthy";

    [JsonIgnore]
    public bool IsHealthy => Status == Healthy;

    /// <summary>Healthy when every check is up; the order of <paramref name="checks"/> is kept.</summary>
    public static HealthReport From(string version, DateTimeOffset checkedAt, IReadOnlyList<KeyValuePair<string, ComponentCheck>> checks)
    {
        var down = checks.Where(check => !check.Value.IsUp).Select(check => check.Key).ToList();
        return new(
            down.Count == 0 ? Healthy : Unhealthy,
            version,
            IsoTime.Format(checkedAt),
            // Insertion order is the JSON order: blob, queue, table.
            new Dictionary<string, ComponentCheck>(checks, StringComparer.Ordinal),
            down.Count == 0 ? null : down);
    }
}
