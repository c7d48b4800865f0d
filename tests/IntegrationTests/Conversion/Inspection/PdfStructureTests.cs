using System.Text.RegularExpressions;
using Etransactions.TestSupport.Scans;
using static Etransactions.IntegrationTests.Conversion.Inspection.Inspection;

namespace Etransactions.IntegrationTests.Conversion.Inspection;

/// <summary>
/// PDFs that libraries would load silently with pages missing are refused; offsets a little wrong, which
/// readers forgive, are forgiven. Each case runs on a PDF with a classic xref table and on one with a
/// cross-reference stream, as producers write both.
/// </summary>
public sealed partial class PdfStructureTests
{
    public static TheoryData<string> Layouts => ["table", "stream"];

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task Inspect_PdfCutShort_IsCorrupt(string layout)
    {
        var pdf = await Pdf(layout);

        Rejected(pdf[..(int)(pdf.Length * 0.9)], "pdf", "corrupt");
        Rejected(pdf[..^10], "pdf", "corrupt");
        Rejected(await TestScans.TruncatedPdfAsync(), "pdf", "corrupt");
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task Inspect_PdfWhoseTrailerNamesNoCatalog_IsCorrupt(string layout)
    {
        var text = Latin1(await Pdf(layout));
        var trailerAt = text.LastIndexOf("startxref", StringComparison.Ordinal) - 600;
        var noCatalog = text[..trailerAt] + text[trailerAt..].Replace("/Root", "/Roof", StringComparison.Ordinal);

        Assert.Contains("catalog", Rejected(Latin1(noCatalog), "pdf", "corrupt").ReasonEn, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task Inspect_PdfWithNoCrossReferenceAnywhere_IsCorrupt(string layout)
    {
        var text = Latin1(await Pdf(layout));
        var noXref = XrefKeyword().Replace(StartXref().Replace(text, "startxref\n12", 1), "${before}xreg${after}")
            .Replace("/Type /XRef", "/Type /XReg", StringComparison.Ordinal)
            .Replace("/Type/XRef", "/Type/XReg", StringComparison.Ordinal);

        Rejected(Latin1(noXref), "pdf", "corrupt");
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task Inspect_PdfWhoseStartxrefMissesItsCrossReference_IsForgivenAsReadersDo(string layout)
    {
        var moved = StartXref().Replace(Latin1(await Pdf(layout)), "startxref\n12", 1);

        Assert.Equal(3, Inspect(Latin1(moved), "pdf").PageCount);
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task Inspect_PdfWithDataAfterItsEndOfFile_IsAccepted(string layout)
    {
        byte[] trailing = [.. await Pdf(layout), .. "\r\n\0\0 scanner padding \0"u8];

        Assert.Equal(3, Inspect(trailing, "pdf").PageCount);
    }

    [Fact]
    public async Task Inspect_TableOffsetsAFewBytesEarly_AreForgiven()
    {
        var text = Latin1(await Pdf("table"));
        var xrefAt = text.LastIndexOf("\nxref", StringComparison.Ordinal);
        // Every in-use offset two bytes early, as some producers write them.
        var early = text[..xrefAt] + InUseEntry().Replace(
            text[xrefAt..],
            match => $"{Math.Max(0, long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - 2):D10} 00000 n");

        Assert.Equal(3, Inspect(Latin1(early), "pdf").PageCount);
    }

    [Fact]
    public async Task Inspect_TableListingAnObjectTheFileDoesNotHold_IsCorrupt()
    {
        var text = Latin1(await Pdf("table"));
        var xrefAt = text.LastIndexOf("\nxref", StringComparison.Ordinal);
        // Object 1's header removed from the body: the table lists an object that is not there.
        var missing = FirstObjectHeader().Replace(text[..xrefAt], "${before}x 0 obx", 1) + text[xrefAt..];

        Assert.Contains("object 1 ", Rejected(Latin1(missing), "pdf", "corrupt").ReasonEn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_TableWithTheWrongNumberOfEntries_IsCorrupt()
    {
        var text = Latin1(await Pdf("table"));
        var xrefAt = text.LastIndexOf("\nxref", StringComparison.Ordinal);
        var wrongCount = text[..xrefAt] + SubsectionCount().Replace(
            text[xrefAt..],
            match => $"\n0 {int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1}",
            1);

        Assert.Contains("number of entries", Rejected(Latin1(wrongCount), "pdf", "corrupt").ReasonEn, StringComparison.Ordinal);
    }

    private static Task<byte[]> Pdf(string layout) =>
        layout == "table" ? TestScans.MultiPagePdfAsync(3) : TestScans.ObjectStreamPdfAsync(3);

    [GeneratedRegex(@"startxref\s+\d+")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"(?<before>[\r\n])xref(?<after>\s)")]
    private static partial Regex XrefKeyword();

    [GeneratedRegex(@"(\d{10}) 00000 n")]
    private static partial Regex InUseEntry();

    [GeneratedRegex(@"(?<before>^|[^\d])1 0 obj")]
    private static partial Regex FirstObjectHeader();

    [GeneratedRegex(@"\n0 (\d+)")]
    private static partial Regex SubsectionCount();
}
