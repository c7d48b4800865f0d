namespace Etransactions.Functions.Conversion.PaperCopies;

public static class PaperCopyState
{
    public const string Building = "building";
    public const string Issued = "issued";
}

/// <summary>One paper copy of a data message: a row of the table <c>papercopies</c>, keyed by the message's code.</summary>
/// <param name="Code">The data message's lookup code, canonical.</param>
/// <param name="Number">The copy's number in the register, <c>{agency}/{year}/{sequence}</c>.</param>
public sealed record PaperCopyRecord(string Code, string CopyId, string AgencyCode, DateTimeOffset IssuedAt, string Converter, string Purpose, string State)
{
    public string? Number { get; init; }
    public string? PdfPath { get; init; }
    public string? Sha256 { get; init; }
    public long? Bytes { get; init; }
    public int? Pages { get; init; }
}
