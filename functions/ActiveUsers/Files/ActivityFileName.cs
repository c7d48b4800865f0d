using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Etransactions.Functions.ActiveUsers.Files;

/// <summary>
/// An activity file in the container <c>activity</c>: <c>{platformId}/{yyyy-MM-dd}/{name}.ndjson.gz</c>, the
/// day the one it was made for (its events may fall on other days: each counts on its own).
/// </summary>
public sealed record ActivityFileName(string PlatformId, string Day, string Name)
{
    public const string Container = "activity";

    public const string Extension = ".ndjson.gz";

    public string Blob => $"{PlatformId}/{Day}/{Name}";

    /// <summary>The file's id: a hash of its path, so each name is counted once and a batch of it is named alike on every delivery.</summary>
    public string Id => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Blob)))[..32];

    public static ActivityFileName? Parse(string blob)
    {
        var parts = blob.Split('/');
        return parts.Length == 3 && parts[0].Length > 0
            && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            && parts[2].Length > Extension.Length && parts[2].EndsWith(Extension, StringComparison.Ordinal)
            ? new ActivityFileName(parts[0], parts[1], parts[2])
            : null;
    }
}
