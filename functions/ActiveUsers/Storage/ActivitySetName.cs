namespace Etransactions.Functions.ActiveUsers.Storage;

/// <summary>Whether the users of a set were in Vietnam (the figure) or outside it (counted apart, Art. 17.2).</summary>
public enum Region
{
    InVietnam,
    Abroad,
}

/// <summary>
/// Where a set of one platform's users of one day lives in the container <c>activitysets</c>:
/// <c>{platformId}/{yyyy-MM}/{yyyy-MM-dd}/{vn|abroad}/day.keys</c> for the compacted day-set and
/// <c>…/chunks/{batchId}.keys</c> for a batch's chunk not compacted yet. A platform's month is one prefix.
/// </summary>
public sealed record ActivitySetName(string PlatformId, string Day, Region Region, string? BatchId)
{
    public string Month => Day[..7];

    public string Group => $"{PlatformId}/{Month}/{Day}/{RegionSegment(Region)}";

    public string Blob => BatchId is null ? $"{Group}/day.keys" : $"{Group}/chunks/{BatchId}.keys";

    public static string MonthPrefix(string platformId, string month) => $"{platformId}/{month}/";

    public static string RegionSegment(Region region) => region == Region.InVietnam ? "vn" : "abroad";

    /// <summary>The name a blob of the container stands for; null for anything else found there.</summary>
    public static ActivitySetName? Parse(string blob)
    {
        var parts = blob.Split('/');
        if (parts.Length < 5 || parts[2].Length != 10 || parts[1] != parts[2][..7])
        {
            return null;
        }
        Region? region = parts[3] switch { "vn" => Region.InVietnam, "abroad" => Region.Abroad, _ => null };
        return (region, parts.Length, parts[4]) switch
        {
            ({ } r, 5, "day.keys") => new ActivitySetName(parts[0], parts[2], r, null),
            ({ } r, 6, "chunks") when parts[5].EndsWith(".keys", StringComparison.Ordinal) => new ActivitySetName(parts[0], parts[2], r, parts[5][..^5]),
            _ => null,
        };
    }
}
