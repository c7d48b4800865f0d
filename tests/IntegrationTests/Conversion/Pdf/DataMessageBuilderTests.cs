using System.Globalization;
using System.Text;
using Etransactions.Functions.Conversion.Documents.Pdf;
using Etransactions.TestSupport.Scans;

namespace Etransactions.IntegrationTests.Conversion.Pdf;

/// <summary>A PNG scan made into a data message, checked as a reader would: poppler's text, page sizes and metadata, a QR reader, qpdf.</summary>
public sealed class DataMessageBuilderTests
{
    [Fact]
    public async Task BuildAsync_PngScan_TextLayerHoldsTheOcrWordsInReadingOrderNfc()
    {
        var scan = await TestScans.PngAsync();

        var built = await Building.BuildAsync(scan);

        var text = await PdfTools.SearchableTextAsync(built.Pdf);
        Assert.Contains(string.Join(' ', SampleText.Lines), text, StringComparison.Ordinal);
        Assert.Equal(text.Normalize(NormalizationForm.FormC), text);
        Assert.Contains("phố Hàng Bài", built.Text, StringComparison.Ordinal);
        Assert.Equal(new OcrSummary("known-words", "vie+eng", 0.95), built.Ocr);
        Assert.Equal([new PageText(0, PageTextSource.Ocr, built.Text.Length)], built.Pages);
    }

    [Fact]
    public async Task BuildAsync_PngScan_FirstPageShowsTheSymbolBlockVietnameseFirst()
    {
        var built = await Building.BuildAsync(await TestScans.PngAsync());

        var text = await PdfTools.SearchableTextAsync(built.Pdf, 1);
        Assert.Contains("THÔNG ĐIỆP DỮ LIỆU ĐƯỢC CHUYỂN ĐỔI TỪ VĂN BẢN GIẤY", text, StringComparison.Ordinal);
        Assert.Contains("Data message converted from a paper document", text, StringComparison.Ordinal);
        Assert.Contains("Thời điểm chuyển đổi / Time of conversion: 14/03/2025 16:05:09 (UTC+07:00)", text, StringComparison.Ordinal);
        Assert.Contains($"Cơ quan, tổ chức, cá nhân chuyển đổi / Converted by: {Building.Converter}", text, StringComparison.Ordinal);
        Assert.Contains($"Mã tra cứu / Lookup code: {Building.Code}", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("THÔNG ĐIỆP", StringComparison.Ordinal) < text.IndexOf("Data message converted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BuildAsync_PngScan_QrCodeDecodesToThePayload()
    {
        var built = await Building.BuildAsync(await TestScans.PngAsync());

        Assert.Equal([Building.Payload], await PdfTools.QrCodesAsync(built.Pdf));
    }

    [Fact]
    public async Task BuildAsync_PngScan_KeepsTheScanSizeWithTheBandBelow()
    {
        var scan = await TestScans.PngAsync();

        var built = await Building.BuildAsync(scan);

        var (width, height) = Assert.Single(await PdfTools.PageSizesAsync(built.Pdf));
        Assert.Equal(scan.Inspected.Pages[0].WidthPt, width, 0.01);
        Assert.InRange(height, scan.Inspected.Pages[0].HeightPt + 80, scan.Inspected.Pages[0].HeightPt + 120);
        Assert.Equal(1, built.PageCount);
    }

    [Fact]
    public async Task BuildAsync_NoPayload_LeavesTheQrCodeOutAndKeepsTheText()
    {
        var built = await Building.BuildAsync(await TestScans.PngAsync(), Building.Symbol with { QrPayload = null });

        Assert.Empty(await PdfTools.QrCodesAsync(built.Pdf));
        Assert.Contains($"Lookup code: {Building.Code}", await PdfTools.SearchableTextAsync(built.Pdf), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_DocumentInformation_NamesTheMessageTheConverterAndTheTime()
    {
        var built = await Building.BuildAsync(await TestScans.PngAsync());

        var info = await PdfTools.InfoAsync(built.Pdf);
        Assert.Equal($"Thông điệp dữ liệu được chuyển đổi từ văn bản giấy ({Building.Code})", info["Title"]);
        Assert.Equal(Building.Converter, info["Author"]);
        Assert.Equal("Data message converted from a paper document", info["Subject"]);
        Assert.Equal(Building.Code, info["Keywords"]);
        Assert.Equal("etransactions", info["Creator"]);
        var created = DateTimeOffset.Parse(info["CreationDate"], CultureInfo.InvariantCulture);
        Assert.Equal(Building.ConvertedAt, created);
        Assert.Equal(created, DateTimeOffset.Parse(info["ModDate"], CultureInfo.InvariantCulture));
        using var document = UglyToad.PdfPig.PdfDocument.Open(built.Pdf);
        var language = document.Structure.Catalog.CatalogDictionary.Data["Lang"];
        Assert.Equal("vi", Assert.IsType<UglyToad.PdfPig.Tokens.StringToken>(language).Data);
    }

    [Fact]
    public async Task BuildAsync_EngineThatLosesPages_FailsNamingTheCount()
    {
        var scan = await TestScans.PdfAsync(2);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Building.BuildAsync(scan, ocr: new KnownWordsOcr(scan.Words, pagesToReturn: 1)));

        Assert.Contains("1 of 2 pages", error.Message, StringComparison.Ordinal);
    }
}
