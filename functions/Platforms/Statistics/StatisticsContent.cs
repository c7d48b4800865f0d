using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Etransactions.Functions.Core.Http;

namespace Etransactions.Functions.Platforms.Statistics;

/// <summary>What makes two submissions the same: their content without the reason, as canonical JSON.</summary>
public static class StatisticsContent
{
    /// <summary>The SHA-256 (hex) of the canonical JSON of the statistics without <c>reason</c>: keys sorted, nulls left out.</summary>
    public static string Sha256(StatisticsBody statistics)
    {
        var content = JsonSerializer.SerializeToNode(statistics with { Reason = null }, AppJson.Options);
        var canonical = new StringBuilder();
        Write(content, canonical);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    private static void Write(JsonNode? node, StringBuilder canonical)
    {
        switch (node)
        {
            case JsonObject members:
                canonical.Append('{');
                var first = true;
                foreach (var (name, value) in members.Where(member => member.Value is not null).OrderBy(member => member.Key, StringComparer.Ordinal))
                {
                    canonical.Append(first ? "" : ",").Append(JsonSerializer.Serialize(name, AppJson.Options)).Append(':');
                    Write(value, canonical);
                    first = false;
                }
                canonical.Append('}');
                break;
            case JsonArray items:
                canonical.Append('[');
                for (var i = 0; i < items.Count; i++)
                {
                    canonical.Append(i == 0 ? "" : ",");
                    Write(items[i], canonical);
                }
                canonical.Append(']');
                break;
            default:
                canonical.Append(node?.ToJsonString(AppJson.Options) ?? "null");
                break;
        }
    }
}
