using Etransactions.Functions.Conversion;
using Etransactions.Functions.Conversion.Documents;
using Etransactions.Functions.Conversion.Documents.Inspection;
using Etransactions.TestSupport.Scans;

namespace Etransactions.UnitTests.Conversion.Inspection;

/// <summary>What the inspection decides from bytes made in memory (the scans made with pdftoppm are in the integration tests).</summary>
public sealed class ScanInspectorTests
{
    private static readonly ScanLimits Limits = new(20 * 1024 * 1024, 10, 50_000_000);

    [Theory]
    [InlineData("pdf", ScanKind.Pdf)]
    [InlineData(".PDF", ScanKind.Pdf)]
    [InlineData("png", ScanKind.Png)]
    [InlineData("jpg", ScanKind.Jpeg)]
    [InlineData("Jpeg", ScanKind.Jpeg)]
    [InlineData("tif", ScanKind.Tiff)]
    [InlineData(".tiff", ScanKind.Tiff)]
    public void KindOfExtension_ExtensionTheAppConverts_IsItsKind(string extension, ScanKind kind)
    {
        Assert.Equal(kind, ScanInspector.KindOfExtension(extension));
    }

    [Theory]
    [InlineData("gif")]
    [InlineData("docx")]
    [InlineData("")]
    [InlineData("..pdf")]
    public void KindOfExtension_OtherExtension_IsNone(string extension)
    {
        Assert.Null(ScanInspector.KindOfExtension(extension));
    }

    [Fact]
    public void CheckDeclaredSize_OverTheLimit_IsTooLargeBeforeAByteIsRead()
    {
        var error = Assert.Throws<ScanRejectedException>(() => ScanInspector.CheckDeclaredSize(Limits.MaxBytes + 1, Limits));

        Assert.Equal("too-large", error.Code);
        Assert.Contains($"{Limits.MaxBytes + 1} bytes, limit {Limits.MaxBytes}", error.ReasonEn, StringComparison.Ordinal);
        ScanInspector.CheckDeclaredSize(Limits.MaxBytes, Limits);
    }

    [Fact]
    public void Inspect_EmptyFile_IsEmpty()
    {
        Assert.Equal("empty", Rejected([], "pdf").Code);
    }

    [Fact]
    public void Inspect_PngClaimingHugeDimensions_IsTooManyPixelsFromItsHeaderAlone()
    {
        var bomb = TestScans.BombPng(30_000, 30_000);
        Assert.True(bomb.Length < 1000, $"{bomb.Length} bytes");

        var error = Rejected(bomb, "png");

        Assert.Equal("too-many-pixels", error.Code);
        Assert.Contains("900000000 pixels", error.ReasonEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_PixelLimit_AllowsExactlyTheLimitAndRefusesOneMore()
    {
        var png = TestScans.BombPng(1000, 1000);

        Assert.Equal(1000, Assert.Single(new ScanInspector().Inspect(png, "png", Limits with { MaxPixelsPerPage = 1_000_000 }).Pages).WidthPx);
        Assert.Equal("too-many-pixels", Rejected(png, "png", Limits with { MaxPixelsPerPage = 999_999 }).Code);
    }

    [Fact]
    public void Inspect_PngWhoseTextChunkInflatesToHundredsOfMegabytes_IsMeasuredWithoutInflatingIt()
    {
        var png = TestScans.TextBombPng(300);
        Assert.True(png.Length < 1024 * 1024, $"{png.Length} bytes");
        var before = GC.GetAllocatedBytesForCurrentThread();

        var page = Assert.Single(new ScanInspector().Inspect(png, "png", Limits).Pages);

        Assert.Equal((1000, 1000), (page.WidthPx, page.HeightPx));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 16L * 1024 * 1024, $"{allocated} bytes allocated");
    }

    [Fact]
    public void Inspect_PngOfZeroPixels_IsEmpty()
    {
        Assert.Equal("empty", Rejected(TestScans.BombPng(0, 100), "png").Code);
    }

    [Fact]
    public void Inspect_JpegWithAScanButNoFrame_IsCorrupt()
    {
        Assert.Equal("corrupt", Rejected([0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02, 0xFF, 0xD9], "jpg").Code);
    }

    [Fact]
    public void Inspect_BigTiff_IsUnsupportedByName()
    {
        byte[] bigTiff = [0x49, 0x49, 0x2B, 0x00, 0x08, 0x00, 0x00, 0x00, 0x10, 0, 0, 0, 0, 0, 0, 0];

        var error = Rejected(bigTiff, "tif");

        Assert.Equal("unsupported-type", error.Code);
        Assert.Contains("BigTIFF", error.ReasonEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_PdfHeaderAfterJunkInItsFirstKilobyte_IsSniffedAsPdf()
    {
        // Not a PDF past its header: refused as corrupt, not as a type mismatch.
        byte[] junk = [.. new byte[500], .. "%PDF-1.7\n"u8];

        Assert.Equal("corrupt", Rejected(junk, "pdf").Code);
        Assert.Equal("type-mismatch", Rejected([.. new byte[1100], .. "%PDF-1.7\n"u8], "pdf").Code);
    }

    [Fact]
    public void Inspect_PdfWhoseContentInflatesPastTheLimit_IsTooLargeWithoutHoldingItInMemory()
    {
        var bomb = TestScans.FlateBombPdf(200);
        Assert.True(bomb.Length < 2 * 1024 * 1024, $"{bomb.Length} bytes");
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = Rejected(bomb, "pdf");

        Assert.Equal("too-large", error.Code);
        Assert.Contains("inflates", error.ReasonEn, StringComparison.Ordinal);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 64L * 1024 * 1024, $"{allocated} bytes allocated");
    }

    [Fact]
    public void Inspect_PdfWhoseContentInflatesWithinTheLimit_IsMeasured()
    {
        var page = Assert.Single(new ScanInspector().Inspect(TestScans.FlateBombPdf(2), "pdf", Limits).Pages);

        Assert.False(page.HasText);
    }

    private static ScanRejectedException Rejected(byte[] bytes, string extension, ScanLimits? limits = null) =>
        Assert.Throws<ScanRejectedException>(() => new ScanInspector().Inspect(bytes, extension, limits ?? Limits));
}
