using Etransactions.TestSupport.Scans;

namespace Etransactions.IntegrationTests.Conversion.Pdf;

/// <summary>Every kind of scan: each page present at its size with its own words, and every PDF passing qpdf --check.</summary>
public sealed class DataMessageBuilderKindsTests
{
    [Fact]
    public async Task BuildAsync_MultiPagePdfScan_KeepsEveryPageWithItsOwnWords()
    {
        var scan = await TestScans.PdfAsync(3);

        var built = await Building.BuildAsync(scan);

        Assert.Equal(3, built.PageCount);
        var sizes = await PdfTools.PageSizesAsync(built.Pdf);
        Assert.Equal(3, sizes.Count);
        Assert.Equal(scan.Inspected.Pages[1].HeightPt, sizes[1].Height, 0.01);
        for (var page = 0; page < 3; page++)
        {
            Assert.Contains(string.Join(' ', Building.WordsOf(scan, page)), await PdfTools.SearchableTextAsync(built.Pdf, page + 1), StringComparison.Ordinal);
        }
        Assert.Empty(await PdfTools.QrCodesAsync(built.Pdf, 2));
    }

    [Fact]
    public async Task BuildAsync_JpegScan_PassesTheJpegThroughWithItsWords()
    {
        var scan = await TestScans.JpegAsync();

        var built = await Building.BuildAsync(scan);

        Assert.Contains("ông Nguyễn Văn Đức", await PdfTools.SearchableTextAsync(built.Pdf), StringComparison.Ordinal);
        // The scan's own bytes are in the PDF as they are: no decoding, no quality lost.
        Assert.True(built.Pdf.AsSpan().IndexOf(scan.Bytes.AsSpan(0, 4096)) >= 0);
    }

    [Fact]
    public async Task BuildAsync_MultiPageTiff_MakesEveryPageAtItsSize()
    {
        var scan = await TestScans.TiffAsync(2);

        var built = await Building.BuildAsync(scan);

        var sizes = await PdfTools.PageSizesAsync(built.Pdf);
        Assert.Equal(2, sizes.Count);
        Assert.Equal((scan.Inspected.Pages[1].WidthPt, scan.Inspected.Pages[1].HeightPt), (Math.Round(sizes[1].Width, 2), Math.Round(sizes[1].Height, 2)));
        Assert.Contains("đăng ký kinh doanh hộ gia đình.", await PdfTools.SearchableTextAsync(built.Pdf, 2), StringComparison.Ordinal);
        // Both pages really drawn, the RGB one and the grey one: tesseract reads them.
        Assert.Contains("Nguyễn", await PdfTools.OcrAsync(built.Pdf, 1, 150), StringComparison.Ordinal);
        Assert.Contains("đăng", await PdfTools.OcrAsync(built.Pdf, 2, 150), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_PdfPageStoredSideways_TextLayerAndBandFollowTheView()
    {
        var scan = await TestScans.PdfAsync(1, rotated: true);

        var built = await Building.BuildAsync(scan);

        var text = await PdfTools.SearchableTextAsync(built.Pdf);
        Assert.Contains(string.Join(' ', SampleText.Lines), text, StringComparison.Ordinal);
        Assert.Contains($"Lookup code: {Building.Code}", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("Nguyễn", StringComparison.Ordinal) < text.IndexOf("THÔNG ĐIỆP", StringComparison.Ordinal));
        Assert.Equal([Building.Payload], await PdfTools.QrCodesAsync(built.Pdf));
        // Still stored sideways and turned by viewers; the band grew what they show as the bottom edge.
        Assert.Equal("90", (await PdfTools.InfoAsync(built.Pdf))["Page rot"]);
        var (storedWidth, storedHeight) = Assert.Single(await PdfTools.PageSizesAsync(built.Pdf));
        Assert.Equal(scan.Inspected.Pages[0].WidthPt, storedHeight, 0.01);
        Assert.InRange(storedWidth, scan.Inspected.Pages[0].HeightPt + 80, scan.Inspected.Pages[0].HeightPt + 120);
        Assert.Contains("Nguyễn Văn Đức", await PdfTools.OcrAsync(built.Pdf, 1, 150), StringComparison.Ordinal);
    }

    public static TheoryData<string> Kinds => ["png", "jpeg", "tiff", "pdf", "rotated-pdf", "text-pdf"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task BuildAsync_EveryKind_PassesQpdfCheck(string kind)
    {
        var scan = kind switch
        {
            "png" => await TestScans.PngAsync(),
            "jpeg" => await TestScans.JpegAsync(),
            "tiff" => await TestScans.TiffAsync(2),
            "pdf" => await TestScans.PdfAsync(2),
            "rotated-pdf" => await TestScans.PdfAsync(1, rotated: true),
            _ => TestScans.TextPdf(2),
        };

        var built = await Building.BuildAsync(scan);

        var check = await PdfTools.QpdfCheckAsync(built.Pdf);
        Assert.True(check.ExitCode == 0, $"qpdf --check exited {check.ExitCode}: {check.Stdout}{check.Stderr}");
    }
}
