using System.Text.RegularExpressions;
using Etransactions.Functions.Conversion;
using Etransactions.Functions.Conversion.Documents;
using Etransactions.Functions.Conversion.Documents.Pdf;
using Etransactions.TestSupport.Scans;

namespace Etransactions.IntegrationTests.Conversion.Pdf;

/// <summary>What the first version left open, and PDFsharp's defects: each checked on the rendered or extracted result.</summary>
public sealed partial class DataMessageBuilderMendsTests
{
    [Fact]
    public async Task BuildAsync_SymbolBlock_RendersEveryVietnameseMark()
    {
        var scan = await TestScans.PngAsync();
        var built = await Building.BuildAsync(scan);

        // Only the band below the scan, rendered at 300 dpi and read back: a lost mark ("ấ" shown as "a") reads wrong.
        var contentHeight = scan.Inspected.Pages[0].HeightPt;
        var (_, pageHeight) = Assert.Single(await PdfTools.PageSizesAsync(built.Pdf));
        var seen = WhiteSpace().Replace(await PdfTools.OcrAsync(built.Pdf, 1, 300, (contentHeight + 2, pageHeight - contentHeight - 2)), " ");

        Assert.Contains("THÔNG ĐIỆP DỮ LIỆU ĐƯỢC CHUYỂN ĐỔI TỪ VĂN BẢN GIẤY", seen, StringComparison.Ordinal);
        Assert.Contains("Thời điểm chuyển đổi", seen, StringComparison.Ordinal);
        Assert.Contains("Cơ quan, tổ chức, cá nhân chuyển đổi", seen, StringComparison.Ordinal);
        Assert.Contains("Ủy ban nhân dân phường Bến Thành", seen, StringComparison.Ordinal);
        Assert.Contains("Sở Tư pháp tỉnh Bắc Ninh", seen, StringComparison.Ordinal);
        Assert.Contains("Mã tra cứu", seen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_JpegStoredSidewaysWithExifOrientation_ComesOutUpright()
    {
        var scan = await TestScans.SidewaysJpegAsync();

        var built = await Building.BuildAsync(scan);

        var (width, height) = Assert.Single(await PdfTools.PageSizesAsync(built.Pdf));
        Assert.True(height > width, $"portrait, {width} x {height}");
        // Sideways text reads as nothing; upright, tesseract reads the page.
        var seen = await PdfTools.OcrAsync(built.Pdf, 1, 150, (0, scan.Inspected.Pages[0].HeightPt));
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", seen, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Văn Đức", seen, StringComparison.Ordinal);
        // And the text layer sits where the words are shown: in reading order.
        Assert.Contains(string.Join(' ', SampleText.Lines), await PdfTools.SearchableTextAsync(built.Pdf), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_PdfWithItsOwnText_KeepsItOnceAndIsNotReadAgain()
    {
        var scan = TestScans.TextPdf();
        var ocr = new KnownWordsOcr(scan.Words);

        var built = await Building.BuildAsync(scan, ocr: ocr);

        Assert.Empty(ocr.Requests);
        var text = await PdfTools.SearchableTextAsync(built.Pdf);
        Assert.Single(Regex.Matches(text, "Nguyễn Văn Đức"));
        Assert.Equal(PageTextSource.Pdf, Assert.Single(built.Pages).Source);
        Assert.Equal("none", built.Ocr.Engine);
        Assert.Equal(string.Join('\n', SampleText.Lines), built.Text);
        Assert.Contains($"Lookup code: {Building.Code}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_PdfMixingTextAndScannedPages_ReadsOnlyTheScannedOnes()
    {
        var scanned = await TestScans.PdfAsync(2);
        // Page 1 has its own text, page 2 is an image.
        var inspected = scanned.Inspected with { Pages = [scanned.Inspected.Pages[0] with { HasText = true }, scanned.Inspected.Pages[1]] };
        var mixed = scanned with { Bytes = await TestScans.TextThenScannedPdfAsync(), Inspected = inspected };
        var ocr = new KnownWordsOcr(scanned.Words);

        var built = await Building.BuildAsync(mixed, ocr: ocr);

        Assert.Equal([1], Assert.Single(ocr.Requests).PageIndexes);
        Assert.Equal([PageTextSource.Pdf, PageTextSource.Ocr], built.Pages.Select(page => page.Source));
        Assert.Equal("known-words", built.Ocr.Engine);
        Assert.Single(Regex.Matches(await PdfTools.SearchableTextAsync(built.Pdf, 1), "Nguyễn Văn Đức"));
        Assert.Contains("đăng ký kinh doanh", await PdfTools.SearchableTextAsync(built.Pdf, 2), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_PayloadNoQrCodeCanHold_IsRejectedWithAReason()
    {
        var scan = await TestScans.PngAsync();
        var ocr = new KnownWordsOcr(scan.Words);

        var error = await Assert.ThrowsAsync<ScanRejectedException>(() => Building.BuildAsync(scan, Building.Symbol with { QrPayload = new string('Q', 4000) }, ocr));

        Assert.Equal("symbol-block", error.Code);
        Assert.Contains("4000 bytes", error.ReasonEn, StringComparison.Ordinal);
        Assert.StartsWith("Không tạo được khối ký hiệu", error.ReasonVi, StringComparison.Ordinal);
        Assert.Empty(ocr.Requests);
    }

    [Fact]
    public async Task BuildAsync_ConverterNameTheFontCannotShow_IsRejectedWithAReason()
    {
        var scan = await TestScans.PngAsync();

        var error = await Assert.ThrowsAsync<ScanRejectedException>(() => Building.BuildAsync(scan, Building.Symbol with { Converter = "東京都庁" }));

        Assert.Equal("symbol-block", error.Code);
        Assert.Contains("東", error.ReasonEn, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
