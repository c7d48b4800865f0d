using Etransactions.Functions.Conversion.Documents;
using Etransactions.TestSupport.Scans;
using static Etransactions.IntegrationTests.Conversion.Inspection.Inspection;

namespace Etransactions.IntegrationTests.Conversion.Inspection;

/// <summary>Whole scans are accepted and their pages measured as displayed.</summary>
public sealed class ScanInspectorAcceptsTests
{
    [Fact]
    public async Task Inspect_PngScan_IsOneA4PageAtItsDeclared200Dpi()
    {
        var scan = Inspect(await TestScans.PngAsync(), "png");

        Assert.Equal(ScanKind.Png, scan.Kind);
        var page = Assert.Single(scan.Pages);
        Assert.Equal((1654, 2339, 200.0), (page.WidthPx, page.HeightPx, page.Dpi));
        Assert.Equal(595.4, page.WidthPt, 0.1);
        Assert.Equal(1, page.Orientation);
        Assert.False(page.HasText);
    }

    [Theory]
    [InlineData("jpg")]
    [InlineData("JPEG")]
    [InlineData(".jpeg")]
    public async Task Inspect_JpegScanUnderAnyExtensionCase_ReadsItsJfifDensity(string extension)
    {
        var scan = Inspect(await TestScans.JpegAsync(), extension);

        Assert.Equal(ScanKind.Jpeg, scan.Kind);
        var page = Assert.Single(scan.Pages);
        Assert.Equal((1654, 2339, 200.0), (page.WidthPx, page.HeightPx, page.Dpi));
    }

    [Fact]
    public async Task Inspect_JpegWithExifOrientation6_IsMeasuredUpright()
    {
        var scan = Inspect(await TestScans.RotatedJpegAsync(), "jpg");

        var page = Assert.Single(scan.Pages);
        Assert.Equal(6, page.Orientation);
        // Stored 2339 wide and 1654 high; shown a quarter turn right, as the A4 portrait page it is.
        Assert.Equal((1654, 2339), (page.WidthPx, page.HeightPx));
        Assert.True(page.HeightPt > page.WidthPt);
        // The phone's 72 dpi is no scanner's: the photo is sized as an A4 sheet.
        Assert.Equal(200, page.Dpi);
        Assert.Equal(11.69 * 72, page.HeightPt, 1.0);
    }

    [Fact]
    public async Task Inspect_MultiPagePdfScan_CountsPagesAndReadsTheResolutionOfTheirImages()
    {
        var scan = Inspect(await TestScans.MultiPagePdfAsync(3), "pdf");

        Assert.Equal(ScanKind.Pdf, scan.Kind);
        Assert.Equal(3, scan.PageCount);
        Assert.All(scan.Pages, page => Assert.Equal(200, page.Dpi));
        Assert.Equal(1654, scan.Pages[0].WidthPx);
        Assert.All(scan.Pages, page => Assert.False(page.HasText));
    }

    [Fact]
    public async Task Inspect_PdfSavedWithObjectStreams_IsReadThroughItsCrossReferenceStream()
    {
        var pdf = await TestScans.ObjectStreamPdfAsync(3);
        Assert.Contains("/XRef", Latin1(pdf), StringComparison.Ordinal);

        var scan = Inspect(pdf, "pdf");

        Assert.Equal(3, scan.PageCount);
        Assert.All(scan.Pages, page => Assert.Equal(200, page.Dpi));
    }

    [Fact]
    public async Task Inspect_PdfPageWithRotate90_IsMeasuredAsDisplayed()
    {
        var scan = Inspect(await TestScans.RotatedPdfAsync(), "pdf");

        var page = Assert.Single(scan.Pages);
        // Stored landscape, shown portrait: 595 x 842 pt, its sideways image read at its 150 dpi.
        Assert.Equal(595.4, page.WidthPt, 0.5);
        Assert.Equal(842.0, page.HeightPt, 0.5);
        Assert.Equal(150, page.Dpi);
        Assert.True(page.HeightPx > page.WidthPx);
    }

    [Fact]
    public void Inspect_BornDigitalPdf_HasATextLayerOnEveryPageAndThePdfDefaultDpi()
    {
        var scan = Inspect(TestScans.TextPdf(2), "pdf");

        Assert.Equal(2, scan.PageCount);
        Assert.All(scan.Pages, page => Assert.True(page.HasText));
        Assert.All(scan.Pages, page => Assert.Equal(300, page.Dpi));
        Assert.Equal((2480, 3508), (scan.Pages[0].WidthPx, scan.Pages[0].HeightPx));
    }

    [Fact]
    public async Task Inspect_MultiPageTiff_ReadsEveryPage()
    {
        var scan = Inspect(await TestScans.TiffAsync(2), "tif");

        Assert.Equal(ScanKind.Tiff, scan.Kind);
        Assert.Equal(2, scan.PageCount);
        Assert.All(scan.Pages, page => Assert.Equal((200.0, 2339), (page.Dpi, page.HeightPx)));
    }

    [Fact]
    public async Task Inspect_GreySkewedScan_IsAcceptedAsAGreyscalePng()
    {
        var scan = Inspect(await TestScans.GreySkewedPngAsync(), "png");

        var page = Assert.Single(scan.Pages);
        Assert.Equal((1654, 2339, 200.0), (page.WidthPx, page.HeightPx, page.Dpi));
    }

    [Fact]
    public async Task Inspect_PngThatDeclaresNoResolution_IsSizedAsAnA4Sheet()
    {
        var png = await TestScans.PngAsync();
        // Drop the pHYs chunk (4 length + 4 type + 9 data + 4 CRC bytes).
        var at = Latin1(png).IndexOf("pHYs", StringComparison.Ordinal) - 4;
        byte[] noDpi = [.. png[..at], .. png[(at + 21)..]];

        var page = Assert.Single(Inspect(noDpi, "png").Pages);

        Assert.Equal(11.69 * 72, page.HeightPt, 5.0);
        Assert.Equal(200, page.Dpi);
    }
}
