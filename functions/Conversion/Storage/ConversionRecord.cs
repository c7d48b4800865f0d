namespace Etransactions.Functions.Conversion.Storage;

public static class ConversionStatus
{
    public const string Processing = "processing";
    public const string Converted = "converted";
    public const string Rejected = "rejected";

    /// <summary>A failure that may pass outlasted the host's tries: the record says so, and the retry endpoint starts it again.</summary>
    public const string Failed = "failed";
}

/// <summary>What became of one upload (its latest version): one row of the table <c>conversions</c>.</summary>
/// <param name="BlobEtag">The blob version last handled: a re-delivery of the same version is recognised by it.</param>
/// <param name="Attempts">Deliveries of this version so far.</param>
public sealed record ConversionRecord(
    string BlobPath,
    string Status,
    string? BlobEtag,
    int Attempts,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset UpdatedAt)
{
    public string? AgencyCode { get; init; }
    public string? RejectionCode { get; init; }
    public string? ReasonVi { get; init; }
    public string? ReasonEn { get; init; }
    public string? MessageId { get; init; }
    public string? ContentSha256 { get; init; }
    public string? LookupCode { get; init; }
    public string? LastError { get; init; }
}
