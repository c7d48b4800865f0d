using Etransactions.Functions.Signing.Validation;

namespace Etransactions.Functions.Conversion.Verification;

/// <summary>What the verification page says of a data message: no personal data beyond the converter's name.</summary>
/// <param name="Converted">Converted from a paper document (Art. 4), else an electronic document kept as received.</param>
/// <param name="At">The time of conversion, or of storage for an electronic document.</param>
/// <param name="Sha256">Of the stored PDF, which the download gives.</param>
/// <param name="SourceSha256">Of the scan it was converted from.</param>
public sealed record VerifiedMessage(
    string Code,
    bool Converted,
    string? Title,
    string? Issuer,
    DateTimeOffset At,
    string? Converter,
    string? RegisterNumber,
    int Pages,
    string Sha256,
    long Bytes,
    string? SourceSha256,
    IReadOnlyList<PdfSignatureCheck> Signatures,
    IReadOnlyList<IssuedCopy> Copies);

public sealed record IssuedCopy(string Number, DateTimeOffset IssuedAt);
