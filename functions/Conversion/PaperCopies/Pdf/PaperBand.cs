namespace Etransactions.Functions.Conversion.PaperCopies.Pdf;

/// <summary>
/// What every page of a paper copy carries in its band (Decree 137 Art. 5.1–5.2, Decree 45/2020 Art. 18.2): the
/// symbol, the time of conversion and who converted, the information system and its administrator, the lookup
/// code with the register number, and the full URL where the copy is checked; page 1 also the QR code.
/// </summary>
public sealed record PaperBand(
    DateTimeOffset ConvertedAt,
    string Converter,
    string SystemName,
    string Administrator,
    string LookupCode,
    string RegisterNumber,
    string VerifyUrl,
    string Title,
    string QrPayload);
