namespace Etransactions.Functions.Register;

/// <summary>Which way a conversion went (Decree 137 Art. 4 and Art. 5).</summary>
public static class RegisterDirection
{
    public const string ScanToDataMessage = "paper-to-data-message";
    public const string DataMessageToPaper = "data-message-to-paper";
}

public static class RegisterEntryStatus
{
    /// <summary>Numbered when the conversion began; its output is not made yet.</summary>
    public const string Pending = "pending";
    public const string Recorded = "recorded";

    /// <summary>The conversion could not be finished; the number stays taken, so the sequence keeps no gap.</summary>
    public const string Void = "void";
}

/// <summary>What is asked to be entered: the register number is given by the register.</summary>
/// <param name="Key">What makes the same conversion the same entry when it is entered again (a re-delivery, a retry).</param>
/// <param name="LookupCode">The data message's code as shown, the input of a paper copy or the output of a scan.</param>
/// <param name="InputSha256">SHA-256 of the input as received.</param>
/// <param name="OutputSha256">SHA-256 of the output as stored, once it is made.</param>
public sealed record RegisterRequest(
    string AgencyCode,
    string Key,
    string Direction,
    DateTimeOffset ConvertedAt,
    string Converter,
    string LookupCode,
    string InputSha256,
    int InputPages)
{
    public string? CopyId { get; init; }
}

/// <summary>One conversion in the register: a row of the table <c>register</c>.</summary>
public sealed record RegisterEntry(
    RegisterNumber Number,
    string Direction,
    DateTimeOffset ConvertedAt,
    string Converter,
    string LookupCode,
    string InputSha256,
    int InputPages,
    string Status)
{
    public string? OutputSha256 { get; init; }
    public int? OutputPages { get; init; }
    public string? CopyId { get; init; }
    public string? VoidReason { get; init; }
}
