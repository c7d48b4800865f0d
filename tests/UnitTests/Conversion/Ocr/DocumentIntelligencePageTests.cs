using Etransactions.Functions.Conversion.Documents;
using Etransactions.Functions.Conversion.Documents.Ocr.DocumentIntelligence;

namespace Etransactions.UnitTests.Conversion.Ocr;

/// <summary>A prebuilt-read page as words in points on the displayed page, and the pages parameter.</summary>
public class DocumentIntelligencePageTests
{
    private static readonly InspectedPage A4At200Dpi = new(595.3, 841.9, 1654, 2339, 200);

    private static AnalyzedWord Word(string content, double x, double y, double width, double height, int offset) =>
        new(content, [x, y, x + width, y, x + width, y + height, x, y + height], 0.98, new TextSpan(offset, content.Length));

    [Fact]
    public void Of_PageInInches_GivesPointsFromTheTopLeft()
    {
        var analyzed = new AnalyzedPage(3, 8.268, 11.693, "inch", [Word("Trang", 1, 1, 0.6, 0.2, 0)], [new("Trang", [new(0, 5)])]);
        var page = new InspectedPage(595.3, 841.9, 1654, 2339, 200);

        var result = DocumentIntelligencePage.Of(analyzed, 2, page);

        var word = Assert.Single(result.Words);
        Assert.Equal(2, result.Index);
        Assert.Equal(72, word.X, 0);
        Assert.Equal(72, word.Y, 0);
        Assert.Equal(43.2, word.Width, 0);
        Assert.Equal(14.4, word.Height, 0);
        Assert.Equal((595.3, 841.9), (result.WidthPt, result.HeightPt));
    }

    [Fact]
    public void Of_ImageInPixels_GivesPointsAtTheImageResolution()
    {
        var analyzed = new AnalyzedPage(1, 1654, 2339, "pixel", [Word("Hà", 200, 400, 100, 50, 0)], [new("Hà", [new(0, 2)])]);

        var word = Assert.Single(DocumentIntelligencePage.Of(analyzed, 0, A4At200Dpi).Words);

        // 200 dpi: 200 pixels are one inch, 72 points.
        Assert.Equal((72, 144, 36, 18), (Math.Round(word.X), Math.Round(word.Y), Math.Round(word.Width), Math.Round(word.Height)));
    }

    [Fact]
    public void Of_WordsOnTwoLines_NumbersThemByTheLineWhoseSpanHoldsThem_AndJoinsTheTextInNfc()
    {
        // "Giấy xác\nNguyễn" with "Nguyễn" decomposed, as a service may return it.
        AnalyzedWord[] words = [Word("Giấy", 1, 1, 0.5, 0.2, 0), Word("xác", 1.6, 1, 0.4, 0.2, 5), Word("Nguye\u0302\u0303n", 1, 1.5, 0.7, 0.2, 9), Word("lẻ", 5, 5, 0.2, 0.2, 40)];
        AnalyzedLine[] lines = [new("Giấy xác", [new(0, 8)]), new("Nguyễn", [new(9, 8)])];

        var page = DocumentIntelligencePage.Of(new AnalyzedPage(1, 8.268, 11.693, "inch", words, lines), 0, A4At200Dpi);

        Assert.Equal([0, 0, 1, 5], page.Words.Select(word => word.Line));
        Assert.Equal("Giấy xác\nNguyễn\nlẻ", page.Text);
        Assert.Equal(0.98, page.Confidence, 3);
    }

    [Fact]
    public void Of_PageWithoutWords_IsAnEmptyPageOfItsSize()
    {
        var page = DocumentIntelligencePage.Of(new AnalyzedPage(1, 8.268, 11.693, "inch", null, null), 4, A4At200Dpi);

        Assert.Equal((4, "", 0.0, 595.3), (page.Index, page.Text, page.Confidence, page.WidthPt));
        Assert.Empty(page.Words);
    }

    [Theory]
    [InlineData(new[] { 0 }, "1")]
    [InlineData(new[] { 0, 1, 2 }, "1-3")]
    [InlineData(new[] { 0, 1, 2, 4, 6, 7, 8 }, "1-3,5,7-9")]
    [InlineData(new[] { 3, 5 }, "4,6")]
    public void PageRanges_Of_ZeroBasedPages_WritesOneBasedRanges(int[] indexes, string expected) =>
        Assert.Equal(expected, PageRanges.Of(indexes));
}
