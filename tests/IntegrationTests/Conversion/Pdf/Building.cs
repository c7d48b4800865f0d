using Etransactions.Functions.Conversion.Documents.Pdf;
using Microsoft.Extensions.Logging.Abstractions;

namespace Etransactions.IntegrationTests.Conversion.Pdf;

/// <summary>The symbol block the tests stamp, and one call to build a data message from a test scan.</summary>
internal static class Building
{
    public const string Code = "K7Q-M4T-ZP5";

    public static readonly DateTimeOffset ConvertedAt = new(2025, 3, 14, 9, 5, 9, TimeSpan.Zero);

    // Letters with two marks ("ườ", "ắ") are what a subset font loses.
    public const string Converter = "Ủy ban nhân dân phường Bến Thành, Sở Tư pháp tỉnh Bắc Ninh";

    public static readonly string Payload = string.Join('\n',
        "DM137/1", $"C={Code}", "T=2025-03-14T09:05:09Z", $"N={Converter}", "S=Thông điệp dữ liệu được chuyển đổi từ văn bản giấy",
        $"U=https://example.gov.vn/api/data-messages/{Code}");

    public static readonly SymbolBlock Symbol = new(
        "Thông điệp dữ liệu được chuyển đổi từ văn bản giấy", "Data message converted from a paper document", ConvertedAt, Converter, Code, Payload);

    public static Task<BuiltDataMessage> BuildAsync(TestScan scan, SymbolBlock? symbol = null, KnownWordsOcr? ocr = null) =>
        new DataMessageBuilder(NullLogger<DataMessageBuilder>.Instance)
            .BuildAsync(scan.Bytes, scan.Inspected, "vie+eng", symbol ?? Symbol, ocr ?? new KnownWordsOcr(scan.Words), TestContext.Current.CancellationToken);

    /// <summary>The words of a page, in reading order.</summary>
    public static IEnumerable<string> WordsOf(TestScan scan, int page) => scan.Words[page].Select(word => word.Text);
}
