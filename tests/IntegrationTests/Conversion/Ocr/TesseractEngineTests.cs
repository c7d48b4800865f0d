using System.Diagnostics;
using System.Runtime.Versioning;
using System.Text;
using Etransactions.Functions.Conversion;
using Etransactions.Functions.Conversion.Documents;
using Etransactions.Functions.Conversion.Documents.Ocr;
using Etransactions.Functions.Conversion.Documents.Ocr.Tesseract;
using Etransactions.Functions.Conversion.Documents.Pdf;
using Etransactions.TestSupport.Scans;
using Microsoft.Extensions.Logging.Abstractions;

namespace Etransactions.IntegrationTests.Conversion.Ocr;

/// <summary>The local OCR on scans of known Vietnamese text, through Debian's tesseract and pdftoppm.</summary>
[SupportedOSPlatform("linux")]
public sealed class TesseractEngineTests : IDisposable
{
    private readonly string _temporary = Path.Combine(Path.GetTempPath(), $"etransactions-ocr-test-{Guid.NewGuid():N}");

    public TesseractEngineTests() => Directory.CreateDirectory(_temporary);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_temporary, recursive: true);

    [Fact]
    public async Task RecognizeAsync_Png_ReadsTheVietnameseWordsInOrderWithBoxesWhereTheTextIs()
    {
        var (png, inspected) = await VietnameseScans.PngAsync();

        var page = Assert.Single(await ReadAsync(png, inspected, [0]));

        AssertReads(page, 0, inspected.Pages[0]);
        Assert.Empty(Directory.GetFileSystemEntries(_temporary));
    }

    [Fact]
    public async Task RecognizeAsync_Jpeg_ReadsTheVietnameseWords()
    {
        var (jpeg, inspected) = await VietnameseScans.JpegAsync();

        AssertReads(Assert.Single(await ReadAsync(jpeg, inspected, [0])), 0, inspected.Pages[0]);
    }

    [Fact]
    public async Task RecognizeAsync_JpegMarkedAsRotated_ReadsItUprightWithBoxesOnTheDisplayedPage()
    {
        var (jpeg, inspected) = await VietnameseScans.SidewaysJpegAsync();

        AssertReads(Assert.Single(await ReadAsync(jpeg, inspected, [0])), 0, inspected.Pages[0]);
    }

    [Fact]
    public async Task RecognizeAsync_MultiPageTiffSkippingAPage_ReadsThePagesAskedForInOrder()
    {
        var (tiff, inspected) = await VietnameseScans.TiffAsync(3);

        var pages = await ReadAsync(tiff, inspected, [0, 2]);

        Assert.Equal([0, 2], pages.Select(page => page.Index));
        AssertReads(pages[0], 0, inspected.Pages[0]);
        AssertReads(pages[1], 2, inspected.Pages[2]);
        Assert.Empty(Directory.GetFileSystemEntries(_temporary));
    }

    [Fact]
    public async Task RecognizeAsync_SinglePageTiff_ReadsTheVietnameseWords()
    {
        var (tiff, inspected) = await VietnameseScans.TiffAsync(1);

        AssertReads(Assert.Single(await ReadAsync(tiff, inspected, [0])), 0, inspected.Pages[0]);
    }

    [Fact]
    public async Task RecognizeAsync_FivePagePdf_ReadsEveryPageInOrderAndReportsTheTimeAPage()
    {
        var (pdf, inspected) = await VietnameseScans.PdfAsync(5);
        var clock = Stopwatch.StartNew();

        var pages = await ReadAsync(pdf, inspected, [0, 1, 2, 3, 4]);

        clock.Stop();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"tesseract on {Environment.ProcessorCount} cores: {clock.Elapsed.TotalSeconds / 5:0.000} s a page for a 5-page PDF");
        Assert.Equal([0, 1, 2, 3, 4], pages.Select(page => page.Index));
        for (var index = 0; index < 5; index++)
        {
            AssertReads(pages[index], index, inspected.Pages[index]);
        }
    }

    [Fact]
    public async Task RecognizeAsync_PdfPagesScannedAtSeveralResolutions_ReadsThemAllInOneRun()
    {
        var log = Path.Combine(_temporary, "runs.log");
        var folder = Directory.CreateDirectory(Path.Combine(_temporary, "work")).FullName;
        var options = new TesseractOptions { TemporaryFolder = folder, Concurrency = 1, Tesseract = new(await LoggingTesseractAsync(log), "tesseract-ocr") };
        var (pdf, inspected) = await VietnameseScans.PdfAsync([200, 150, 300]);

        var pages = await ReadAsync(pdf, inspected, [0, 1, 2], options);

        // The check of the installed languages, then one process that loads the models once for the three
        // pages: their resolutions travel in the page images, not in --dpi.
        Assert.Equal(2, (await File.ReadAllLinesAsync(log, Cancellation)).Count(line => line == "start"));
        for (var index = 0; index < 3; index++)
        {
            AssertReads(pages[index], index, inspected.Pages[index]);
        }
    }

    [Fact]
    public async Task RecognizeAsync_PdfPagesWithTheirOwnTextLeftOut_ReadsOnlyTheOthersWithTheirIndexes()
    {
        var (pdf, inspected) = await VietnameseScans.PdfAsync(5);

        var pages = await ReadAsync(pdf, inspected, [1, 3, 4]);

        Assert.Equal([1, 3, 4], pages.Select(page => page.Index));
        AssertReads(pages[0], 1, inspected.Pages[1]);
        AssertReads(pages[1], 3, inspected.Pages[3]);
        AssertReads(pages[2], 4, inspected.Pages[4]);
        Assert.Empty(Directory.GetFileSystemEntries(_temporary));
    }

    [Fact]
    public async Task RecognizeAsync_TwoDocumentsAtOnce_ShareTheProcessesAndEachComesOutInOrder()
    {
        var log = Path.Combine(_temporary, "runs.log");
        var folder = Directory.CreateDirectory(Path.Combine(_temporary, "work")).FullName;
        var options = new TesseractOptions { TemporaryFolder = folder, Concurrency = 1, Tesseract = new(await LoggingTesseractAsync(log), "tesseract-ocr") };
        using var engine = new TesseractEngine(options, NullLogger<TesseractEngine>.Instance);
        var (tiff, inspected) = await VietnameseScans.TiffAsync(2);

        var both = await Task.WhenAll(ReadWithAsync(engine, tiff, inspected), ReadWithAsync(engine, tiff, inspected));

        foreach (var pages in both)
        {
            Assert.Equal([0, 1], pages.Select(page => page.Index));
            AssertReads(pages[1], 1, inspected.Pages[1]);
        }

        var running = 0;
        var most = 0;
        foreach (var line in await File.ReadAllLinesAsync(log, Cancellation))
        {
            running += line == "start" ? 1 : -1;
            most = Math.Max(most, running);
        }

        Assert.Equal(1, most);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public async Task BuildAsync_GreySkewedPhotocopyReadByTesseract_IsSearchableInTheDataMessage()
    {
        var png = await TestSupport.Scans.TestScans.GreySkewedPngAsync();
        var inspected = Inspection.Inspection.Inspect(png, "png");
        using var engine = new TesseractEngine(new TesseractOptions { TemporaryFolder = _temporary }, NullLogger<TesseractEngine>.Instance);

        var built = await new DataMessageBuilder(NullLogger<DataMessageBuilder>.Instance).BuildAsync(png, inspected, "vie+eng", Pdf.Building.Symbol, engine, Cancellation);

        var text = await Pdf.PdfTools.SearchableTextAsync(built.Pdf);
        TestContext.Current.TestOutputHelper?.WriteLine(text);
        // Marks above, below and both, read through the grey and the tilt (the heading's first word, at the tilted edge, may lose its dot).
        foreach (var words in (string[])["HỘI CHỦ NGHĨA VIỆT NAM", "Hạnh phúc", "Nguyễn Văn Đức", "Hoàn Kiếm"])
        {
            Assert.Contains(words, text, StringComparison.Ordinal);
        }
        Assert.Equal("tesseract", built.Ocr.Engine);
        Assert.InRange(built.Ocr.MeanConfidence, 0.6, 1);
    }

    /// <summary>tesseract through a script that notes in <paramref name="log"/> when each run starts and ends.</summary>
    private async Task<string> LoggingTesseractAsync(string log)
    {
        var script = Path.Combine(_temporary, "tesseract");
        await File.WriteAllTextAsync(script, $"#!/bin/sh\necho start >> '{log}'\ntesseract \"$@\"\ncode=$?\necho end >> '{log}'\nexit $code\n", Cancellation);
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return script;
    }

    private static async Task<List<OcrPage>> ReadWithAsync(TesseractEngine engine, byte[] scan, InspectedScan inspected)
    {
        var pages = new List<OcrPage>();
        await foreach (var page in engine.RecognizeAsync(new OcrRequest(scan, inspected, "vie+eng", [0, 1]), Cancellation))
        {
            pages.Add(page);
        }

        return pages;
    }

    private async Task<List<OcrPage>> ReadAsync(byte[] scan, InspectedScan inspected, int[] indexes, TesseractOptions? options = null)
    {
        using var engine = new TesseractEngine(options ?? new TesseractOptions { TemporaryFolder = _temporary }, NullLogger<TesseractEngine>.Instance);
        var pages = new List<OcrPage>();
        await foreach (var page in engine.RecognizeAsync(new OcrRequest(scan, inspected, "vie+eng", indexes), Cancellation))
        {
            pages.Add(page);
        }

        return pages;
    }

    /// <summary>Page <paramref name="index"/>'s sample text, NFC, line by line, its first word where the text was set.</summary>
    private static void AssertReads(OcrPage page, int index, InspectedPage inspected)
    {
        TestContext.Current.TestOutputHelper?.WriteLine($"page {page.Index}: {page.Text}");
        Assert.Equal(index, page.Index);
        Assert.Equal((inspected.WidthPt, inspected.HeightPt), (page.WidthPt, page.HeightPt));
        Assert.True(page.Text.IsNormalized(NormalizationForm.FormC));
        // A clean render at 200 dpi is read without a mistake: every diacritic, every line, in order.
        Assert.Equal(string.Join('\n', SampleText.PageLines(index)), page.Text);
        Assert.Equal(SampleText.PageLines(index).Count, page.Words.Select(word => word.Line).Distinct().Count());

        // The first word of the first line starts at the left margin, just above the first baseline.
        var first = page.Words[0];
        Assert.Equal(SampleText.PageLines(index)[0].Split(' ')[0], first.Text);
        Assert.InRange(first.X, VietnameseScans.Left - 3, VietnameseScans.Left + 3);
        Assert.InRange(first.Y, VietnameseScans.FirstBaseline - VietnameseScans.FontSize - 4, VietnameseScans.FirstBaseline - 8);
        Assert.InRange(first.Y + first.Height, VietnameseScans.FirstBaseline - 2, VietnameseScans.FirstBaseline + 6);
        Assert.InRange(page.Confidence, 0.8, 1);
    }
}
