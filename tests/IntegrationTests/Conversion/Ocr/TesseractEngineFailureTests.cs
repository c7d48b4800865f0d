using Etransactions.Functions.Core;
using System.Runtime.Versioning;
using Etransactions.Functions.Conversion;
using Etransactions.Functions.Conversion.Documents;
using Etransactions.Functions.Conversion.Documents.Ocr;
using Etransactions.Functions.Conversion.Documents.Ocr.Tesseract;
using Microsoft.Extensions.Logging.Abstractions;

namespace Etransactions.IntegrationTests.Conversion.Ocr;

/// <summary>What the local OCR does when the scan, the installation or the clock is against it.</summary>
[SupportedOSPlatform("linux")]
public sealed class TesseractEngineFailureTests : IDisposable
{
    private readonly string _temporary = Path.Combine(Path.GetTempPath(), $"etransactions-ocr-test-{Guid.NewGuid():N}");
    private readonly TesseractEngine _engine;

    public TesseractEngineFailureTests()
    {
        Directory.CreateDirectory(_temporary);
        _engine = Engine();
    }

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _engine.Dispose();
        Directory.Delete(_temporary, recursive: true);
    }

    [Fact]
    public async Task RecognizeAsync_ImageTesseractCannotRead_IsACorruptScanRejection()
    {
        var (png, inspected) = await VietnameseScans.PngAsync();
        var truncated = png[..(png.Length / 3)];

        var rejection = await Assert.ThrowsAsync<ScanRejectedException>(() => ReadAllAsync(_engine, truncated, inspected, [0]));

        Assert.Equal("corrupt", rejection.Code);
        Assert.Contains("page 1", rejection.ReasonEn, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_temporary));
    }

    [Fact]
    public async Task RecognizeAsync_TiffPageThatCannotBeDecoded_IsACorruptScanRejection()
    {
        var (tiff, inspected) = await VietnameseScans.TiffAsync(2);
        var damaged = tiff.ToArray();
        // The second page's directory is past the first page's pixels: cut the file there.
        Array.Resize(ref damaged, damaged.Length * 2 / 3);

        var rejection = await Assert.ThrowsAsync<ScanRejectedException>(() => ReadAllAsync(_engine, damaged, inspected, [1]));

        Assert.Equal("corrupt", rejection.Code);
    }

    [Fact]
    public async Task RecognizeAsync_TesseractNotInstalled_IsAConfigurationErrorAtFirstUseNamingWhatToInstall()
    {
        var (png, inspected) = await VietnameseScans.PngAsync();
        // Building the engine starts nothing: only the first document finds tesseract missing.
        using var engine = Engine(new TesseractOptions { TemporaryFolder = _temporary, Tesseract = new("/nonexistent/tesseract", "tesseract-ocr (Debian)") });

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ReadAllAsync(engine, png, inspected, [0]));

        Assert.Contains("/nonexistent/tesseract cannot be started", failure.Message, StringComparison.Ordinal);
        Assert.Contains("install tesseract-ocr", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecognizeAsync_LanguageModelMissing_IsAConfigurationErrorNamingThePackage()
    {
        var (png, inspected) = await VietnameseScans.PngAsync();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ReadAllAsync(_engine, png, inspected, [0], "vie+fra"));

        Assert.Equal("tesseract has no language model for fra: install tesseract-ocr-fra (Debian)", failure.Message);
    }

    [Fact]
    public async Task RecognizeAsync_LanguageNotATesseractLanguage_IsRefusedBeforeAnythingRuns()
    {
        var (png, inspected) = await VietnameseScans.PngAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => ReadAllAsync(_engine, png, inspected, [0], "vie -c tessedit_write_images=1"));

        Assert.Empty(Directory.GetFileSystemEntries(_temporary));
    }

    [Fact]
    public async Task RecognizeAsync_RunPastItsTime_IsStoppedAsATransientFailure()
    {
        var (png, inspected) = await VietnameseScans.PngAsync();
        using var engine = Engine(new TesseractOptions { TemporaryFolder = _temporary, TimePerPage = TimeSpan.FromMilliseconds(50) });

        var failure = await Assert.ThrowsAsync<TransientException>(() => ReadAllAsync(engine, png, inspected, [0]));

        Assert.Contains("was stopped", failure.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_temporary));
    }

    [Fact]
    public async Task RecognizeAsync_TesseractKilled_IsATransientFailure()
    {
        // A tesseract that answers the installation check, then dies as the out-of-memory killer would end it.
        var script = Path.Combine(_temporary, "tesseract");
        await File.WriteAllTextAsync(script, "#!/bin/sh\ncase \"$1\" in --list-langs) exec tesseract \"$@\";; esac\nkill -9 $$\n", Cancellation);
        MakeExecutable(script);
        var (png, inspected) = await VietnameseScans.PngAsync();
        var folder = Directory.CreateDirectory(Path.Combine(_temporary, "work")).FullName;
        using var engine = Engine(new TesseractOptions { TemporaryFolder = folder, Tesseract = new(script, "tesseract-ocr") });

        var failure = await Assert.ThrowsAsync<TransientException>(() => ReadAllAsync(engine, png, inspected, [0]));

        Assert.Contains("was killed", failure.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public async Task RecognizeAsync_ReaderStopsAfterTheFirstPage_LeavesNoFileBehind()
    {
        var (pdf, inspected) = await VietnameseScans.PdfAsync(4);
        using var engine = Engine(new TesseractOptions { TemporaryFolder = _temporary, Concurrency = 2, MaxPagesPerProcess = 1 });

        await foreach (var page in engine.RecognizeAsync(new OcrRequest(pdf, inspected, "vie+eng", [0, 1, 2, 3]), Cancellation))
        {
            Assert.Equal(0, page.Index);
            break;
        }

        Assert.Empty(Directory.GetFileSystemEntries(_temporary));
    }

    [UnsupportedOSPlatform("windows")]
    private static void MakeExecutable(string path) =>
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

    private TesseractEngine Engine(TesseractOptions? options = null) =>
        new(options ?? new TesseractOptions { TemporaryFolder = _temporary }, NullLogger<TesseractEngine>.Instance);

    private static async Task ReadAllAsync(TesseractEngine engine, byte[] scan, InspectedScan inspected, int[] indexes, string language = "vie+eng")
    {
        await foreach (var _ in engine.RecognizeAsync(new OcrRequest(scan, inspected, language, indexes), Cancellation))
        {
        }
    }
}
