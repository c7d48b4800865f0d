namespace Etransactions.Functions.Conversion.Storage;

public static class DataMessageState
{
    public const string Reserved = "reserved";
    public const string Building = "building";
    public const string Stored = "stored";
}

/// <summary>
/// One data message, keyed by its lookup code: a row of the table <c>datamessages</c>. Creating the row is
/// what makes the code unique, and its state serialises the build of one message among deliveries.
/// </summary>
/// <param name="ConvertedAt">Fixed when the code is reserved, so a re-delivery stamps the same time of conversion.</param>
public sealed record DataMessageRecord(string Code, string MessageId, string AgencyCode, string SourcePath, string SourceSha256, DateTimeOffset ConvertedAt, string State)
{
    public DateTimeOffset? ClaimedAt { get; init; }
    public string? PdfPath { get; init; }
    public string? ManifestPath { get; init; }
    public string? OutputSha256 { get; init; }
    public int? PageCount { get; init; }
    public bool? IsSigned { get; init; }

    /// <summary>The row's ETag as read, for the optimistic claim.</summary>
    public string? ETag { get; init; }
}
