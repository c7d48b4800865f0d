using Etransactions.TestSupport.Scans;
using static Etransactions.IntegrationTests.Conversion.Inspection.Inspection;

namespace Etransactions.IntegrationTests.Conversion.Inspection;

/// <summary>Bad uploads are refused with a reason a clerk can read, before anything is decoded.</summary>
public sealed class ScanInspectorRejectsTests
{
    [Theory]
    [InlineData("gif")]
    [InlineData("docx")]
    [InlineData("")]
    public async Task Inspect_ExtensionItDoesNotConvert_IsUnsupportedType(string extension)
    {
        Rejected(await TestScans.PngAsync(), extension, "unsupported-type");
    }

    [Fact]
    public async Task Inspect_ContentThatIsNotWhatItsExtensionSays_IsTypeMismatchNamingTheContent()
    {
        Assert.Contains("JPEG", Rejected(await TestScans.JpegAsync(), "png", "type-mismatch").ReasonEn, StringComparison.Ordinal);
        Assert.Contains("PNG", Rejected(await TestScans.FakePdfAsync(), "pdf", "type-mismatch").ReasonEn, StringComparison.Ordinal);
        Assert.Contains("PDF", Rejected(await TestScans.MultiPagePdfAsync(3), "tiff", "type-mismatch").ReasonEn, StringComparison.Ordinal);
        Assert.Contains("TIFF", Rejected(await TestScans.TiffAsync(2), "jpg", "type-mismatch").ReasonEn, StringComparison.Ordinal);
        Assert.Contains("unknown", Rejected("Xin chào, đây không phải ảnh"u8.ToArray(), "jpg", "type-mismatch").ReasonEn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_FileOverTheSizeLimit_IsTooLargeAndOneByteUnderIsNot()
    {
        var pdf = await TestScans.MultiPagePdfAsync(3);

        var error = Rejected(pdf, "pdf", "too-large", Limits with { MaxBytes = pdf.Length - 1 });

        Assert.Contains($"limit {pdf.Length - 1}", error.ReasonVi, StringComparison.Ordinal);
        Assert.Equal(3, Inspect(pdf, "pdf", Limits with { MaxBytes = pdf.Length }).PageCount);
    }

    [Fact]
    public async Task Inspect_TruncatedOrDamagedPng_IsCorrupt()
    {
        var png = await TestScans.PngAsync();

        Rejected(png[..^20], "png", "corrupt");
        Rejected(png[..30], "png", "corrupt");
        var flipped = png.ToArray();
        flipped[png.Length / 2] ^= 0xFF;
        Assert.Contains("CRC", Rejected(flipped, "png", "corrupt").ReasonEn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_TruncatedOrDamagedJpeg_IsCorrupt()
    {
        var jpeg = await TestScans.JpegAsync();

        Assert.Contains("truncated", Rejected(jpeg[..(jpeg.Length / 2)], "jpg", "corrupt").ReasonEn, StringComparison.Ordinal);
        Rejected(jpeg[..100], "jpg", "corrupt");
        Rejected([0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02, 0xFF, 0xD9], "jpg", "corrupt");
        Rejected([0xFF, 0xD8, 0xFF, 0xD9], "jpg", "corrupt");
    }

    [Fact]
    public async Task Inspect_JpegWithDataAfterItsEndOfImage_IsAccepted()
    {
        byte[] trailing = [.. await TestScans.JpegAsync(), .. "phone maker's trailer"u8];

        Assert.Equal(1654, Assert.Single(Inspect(trailing, "jpg").Pages).WidthPx);
    }

    [Fact]
    public async Task Inspect_TruncatedTiff_IsCorrupt()
    {
        var tiff = await TestScans.TiffAsync(2);

        Rejected(tiff[..(tiff.Length / 3)], "tiff", "corrupt");
        Rejected(tiff[..^100], "tiff", "corrupt");
        Rejected(tiff[..6], "tiff", "corrupt");
    }

    [Fact]
    public async Task Inspect_EncryptedPdf_IsEncrypted()
    {
        Rejected(await TestScans.EncryptedPdfAsync(), "pdf", "encrypted");
    }

    [Fact]
    public async Task Inspect_MorePagesThanTheLimit_IsTooManyPagesAndExactlyTheLimitIsNot()
    {
        var pdf = await TestScans.MultiPagePdfAsync(3);
        var tiff = await TestScans.TiffAsync(3);

        Assert.Contains("3 pages, limit 2", Rejected(pdf, "pdf", "too-many-pages", Limits with { MaxPages = 2 }).ReasonEn, StringComparison.Ordinal);
        Assert.Contains("more than 2", Rejected(tiff, "tiff", "too-many-pages", Limits with { MaxPages = 2 }).ReasonEn, StringComparison.Ordinal);
        Assert.Equal(3, Inspect(pdf, "pdf", Limits with { MaxPages = 3 }).PageCount);
        Assert.Equal(3, Inspect(tiff, "tiff", Limits with { MaxPages = 3 }).PageCount);
    }

    [Fact]
    public async Task Inspect_PagesOverThePixelLimit_AreTooManyPixelsFromTheirHeaders()
    {
        var pageLimit = Limits with { MaxPixelsPerPage = (1654 * 2339) - 1 };
        var atTheLimit = Limits with { MaxPixelsPerPage = 1654 * 2339 };

        Assert.Contains("page 1: 1654 x 2339", Rejected(await TestScans.JpegAsync(), "jpg", "too-many-pixels", pageLimit).ReasonEn, StringComparison.Ordinal);
        Rejected(await TestScans.PngAsync(), "png", "too-many-pixels", pageLimit);
        Rejected(await TestScans.MultiPagePdfAsync(3), "pdf", "too-many-pixels", pageLimit);
        Rejected(await TestScans.TiffAsync(2), "tiff", "too-many-pixels", pageLimit);
        Assert.Single(Inspect(await TestScans.JpegAsync(), "jpg", atTheLimit).Pages);
        Assert.Equal(3, Inspect(await TestScans.MultiPagePdfAsync(3), "pdf", atTheLimit).PageCount);
        Assert.Equal(2, Inspect(await TestScans.TiffAsync(2), "tiff", atTheLimit).PageCount);
    }
}
