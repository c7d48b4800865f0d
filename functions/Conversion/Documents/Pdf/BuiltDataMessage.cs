namespace Etransactions.Functions.Conversion.Documents.Pdf;

/// <summary>
/// What the first page shows in the distinct symbol block of Art. 4.1.a, and what the QR code holds.
/// </summary>
/// <param name="SymbolVi">"Thông điệp dữ liệu được chuyển đổi từ văn bản giấy".</param>
/// <param name="SymbolEn">"Data message converted from a paper document".</param>
/// <param name="ConvertedAt">The time of conversion (shown in Vietnam time, UTC+07:00).</param>
/// <param name="Converter">The full name of the converting agency, organisation or person, NFC.</param>
/// <param name="LookupCode">The code to find the message again, as shown: "K7Q-M4T-ZP5".</param>
/// <param name="QrPayload">The text of the QR code (`DM137/1`); no QR code when null.</param>
public sealed record SymbolBlock(string SymbolVi, string SymbolEn, DateTimeOffset ConvertedAt, string Converter, string LookupCode, string? QrPayload)
{
    /// <summary>The conversion's number in the register, <c>{agency}/{year}/{sequence}</c>, written into the document information.</summary>
    public string? RegisterNumber { get; init; }
}

/// <summary>Where one page's text came from: OCR, or the text layer the PDF page already had.</summary>
public enum PageTextSource
{
    Ocr,
    Pdf,
}

/// <param name="Index">0-based page.</param>
public sealed record PageText(int Index, PageTextSource Source, int Characters);

/// <param name="Engine">The OCR engine's name; "none" when every page had its own text.</param>
/// <param name="MeanConfidence">Mean word confidence over the OCR'd pages, 0 to 1, four decimals.</param>
public sealed record OcrSummary(string Engine, string Language, double MeanConfidence);

/// <summary>The unsigned data message: the PDF, and what the manifest says of its text.</summary>
/// <param name="Text">The text of every page, NFC, pages separated by a blank line.</param>
public sealed record BuiltDataMessage(byte[] Pdf, int PageCount, string Text, OcrSummary Ocr, IReadOnlyList<PageText> Pages);
