using Etransactions.Functions.Conversion.Documents;
using Etransactions.Functions.Conversion.Documents.Ocr.Tesseract;

namespace Etransactions.UnitTests.Conversion.Ocr;

/// <summary>How pages are shared out over tesseract processes, and how their TSV is read back.</summary>
public class TesseractBatchesTests
{
    private const string Header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext";

    private static InspectedPage Page(double dpi) => new(595, 842, (int)(595 * dpi / 72), (int)(842 * dpi / 72), dpi);

    private static string Word(int page, string text, int block = 1, int paragraph = 1, int line = 1, string conf = "96") =>
        $"5\t{page}\t{block}\t{paragraph}\t{line}\t1\t200\t100\t400\t50\t{conf}\t{text}";

    [Fact]
    public void Of_Pages_GroupsConsecutivePagesUpToTheBatchSize()
    {
        int[] all = [0, 1, 2, 3, 4, 5];

        Assert.Equal([[0, 1], [2, 3], [4, 5]], TesseractBatches.Of(all, 2));
        Assert.Equal([[0, 1, 2, 3, 4, 5]], TesseractBatches.Of(all, 10));
        Assert.Empty(TesseractBatches.Of([], 4));
    }

    [Fact]
    public void Plan_FivePagesTwoProcesses_SharesThemEvenlyAndLeavesOutPagesNotAskedFor()
    {
        Assert.Equal([[0, 1, 2], [3, 4]], TesseractBatches.Plan([0, 1, 2, 3, 4], concurrency: 2, maxPagesPerProcess: 16));
        Assert.Equal([[1, 3], [6, 7]], TesseractBatches.Plan([1, 3, 6, 7], concurrency: 2, maxPagesPerProcess: 16));
        Assert.Equal([[0, 1], [2, 3], [4, 5], [6, 7]], TesseractBatches.Plan([0, 1, 2, 3, 4, 5, 6, 7], concurrency: 1, maxPagesPerProcess: 2));
    }

    [Fact]
    public void CommonDpi_BatchOfOneResolution_IsThatResolution()
    {
        InspectedPage[] pages = [Page(200), Page(199.6), Page(150), Page(200)];

        Assert.Equal(200, TesseractBatches.CommonDpi(pages, [0, 1]));
        Assert.Equal(150, TesseractBatches.CommonDpi(pages, [2]));
    }

    [Fact]
    public void CommonDpi_BatchOfSeveralResolutions_IsNone()
    {
        InspectedPage[] pages = [Page(200), Page(150), Page(200)];

        Assert.Null(TesseractBatches.CommonDpi(pages, [0, 1, 2]));
    }

    [Fact]
    public void Pages_TsvOfSeveralImages_SplitsTheWordsByImage()
    {
        var tsv = string.Join('\n', Header, "1\t1\t0\t0\t0\t0\t0\t0\t1654\t2339\t-1\t", Word(1, "Sở"), Word(2, "Tư"), Word(2, "pháp"), "");

        var pages = TesseractTsv.Pages(tsv);

        Assert.Equal([1, 2], pages.Keys.Order());
        Assert.Equal(["Sở"], TesseractTsv.Words(pages[1], Page(200)).Select(word => word.Text));
        Assert.Equal(["Tư", "pháp"], TesseractTsv.Words(pages[2], Page(200)).Select(word => word.Text));
    }

    [Fact]
    public void Words_ImageWithoutItsSize_ConvertsPixelsToPointsAtThePageResolution()
    {
        var word = Assert.Single(TesseractTsv.Words([Word(1, "Tư", conf: "95.5")], Page(200)));

        Assert.Equal(72, word.X, 3);
        Assert.Equal(36, word.Y, 3);
        Assert.Equal(144, word.Width, 3);
        Assert.Equal(18, word.Height, 3);
        Assert.Equal(0.955, word.Confidence, 3);
    }

    [Fact]
    public void Words_ImageWithItsSize_ScalesByTheImageOntoThePageAsDisplayed()
    {
        // A 1190 x 1684 pixel image of a 595 x 842 pt page: half a point a pixel, whatever dpi was said.
        string[] rows = ["1\t1\t0\t0\t0\t0\t0\t0\t1190\t1684\t-1\t", Word(1, "Hà")];

        var word = Assert.Single(TesseractTsv.Words(rows, Page(300)));

        Assert.Equal((100, 50, 200, 25), (word.X, word.Y, word.Width, word.Height));
    }

    [Fact]
    public void Words_LinesInSeveralBlocksAndParagraphs_AreNumberedInReadingOrderAcrossThem()
    {
        string[] rows =
        [
            Word(1, "CỘNG", block: 1, paragraph: 1, line: 1),
            Word(1, "HÒA", block: 1, paragraph: 1, line: 1),
            Word(1, "Độc", block: 1, paragraph: 1, line: 2),
            Word(1, "GIẤY", block: 1, paragraph: 2, line: 1),
            Word(1, "Ông", block: 2, paragraph: 1, line: 1),
        ];

        var words = TesseractTsv.Words(rows, Page(200));

        Assert.Equal([0, 0, 1, 2, 3], words.Select(word => word.Line));
    }

    [Fact]
    public void Words_DecomposedTextEmptyWordsAndRowsWithoutConfidence_GivesNfcWordsOnly()
    {
        // "Nguyễn" as tesseract may give it: e + combining circumflex + combining tilde.
        string[] rows = [Word(1, "Nguye\u0302\u0303n"), Word(1, "  "), Word(1, "Văn", conf: "-1"), "4\t1\t1\t1\t1\t0\t0\t0\t10\t10\t-1\t"];

        var word = Assert.Single(TesseractTsv.Words(rows, Page(200)));

        Assert.Equal("Nguyễn", word.Text);
        Assert.True(word.Text.IsNormalized(System.Text.NormalizationForm.FormC));
    }
}
