using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Etransactions.Functions.Conversion.Documents.Ocr.Tesseract;

/// <summary>
/// OCR with the local tesseract (Debian's, with its vie model): no Azure needed. Pages go in batches of
/// consecutive pages, one batch per process, with OMP_THREAD_LIMIT=1: tesseract's own threads gain little,
/// processes side by side use every core, and a batch (a list file of page images) loads the language
/// models once, whatever the resolutions of its pages. Page images live in a temporary folder, each removed once its batch is read, the folder
/// when the document is done. Nothing is started before the first document: a missing tesseract or
/// language model is then a configuration error naming what to install. Documents read at the same time
/// share the processes: at most <see cref="TesseractOptions.Concurrency"/> batches run in the app at once.
/// </summary>
public sealed partial class TesseractEngine(TesseractOptions options, ILogger<TesseractEngine> logger) : IOcrEngine, IDisposable
{
    private static readonly Dictionary<string, string> SingleThreaded = new() { ["OMP_THREAD_LIMIT"] = "1" };

    private readonly SemaphoreSlim _processes = new(Math.Max(1, options.Concurrency));

    private HashSet<string>? _installedLanguages;

    public string Name => "tesseract";

    public void Dispose() => _processes.Dispose();

    public async IAsyncEnumerable<OcrPage> RecognizeAsync(OcrRequest request, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var languages = OcrLanguage.Codes(request.Language);
        OcrPages.RequireIndexes(request);
        if (request.PageIndexes.Count == 0)
        {
            yield break;
        }

        await RequireInstalledAsync(languages, cancellation);
        var folder = Directory.CreateDirectory(Path.Combine(options.TemporaryFolder, $"etransactions-ocr-{Guid.NewGuid():N}")).FullName;
        try
        {
            var source = Path.Combine(folder, "scan." + request.Inspected.Kind.ToString().ToLowerInvariant());
            await File.WriteAllBytesAsync(source, request.Scan, cancellation);
            var images = new TesseractPageImages(request, source, folder, options);
            var batches = TesseractBatches.Plan(request.PageIndexes, options.Concurrency, options.MaxPagesPerProcess);
            logger.LogInformation(
                "Reading {PageCount} pages with tesseract ({Language}) in {BatchCount} batches",
                request.PageIndexes.Count, request.Language, batches.Count);
            var read = InOrder.RunAsync(
                batches.Count, options.Concurrency, (batch, stop) => ReadBatchAsync(request, images, folder, batches[batch], stop), cancellation);
            await foreach (var pages in read)
            {
                foreach (var page in pages)
                {
                    yield return page;
                }
            }
        }
        finally
        {
            Delete(folder);
        }
    }

    /// <summary>Writes the batch's page images, reads them in one tesseract process, and returns the pages in order.</summary>
    private async Task<IReadOnlyList<OcrPage>> ReadBatchAsync(
        OcrRequest request, TesseractPageImages images, string folder, IReadOnlyList<int> batch, CancellationToken cancellation)
    {
        await _processes.WaitAsync(cancellation);
        var written = new List<string>();
        var list = Path.Combine(folder, $"batch-{batch[0]}.txt");
        try
        {
            foreach (var index in batch)
            {
                written.Add(await images.WriteAsync(index, cancellation));
            }

            await File.WriteAllLinesAsync(list, written, cancellation);
            var run = await options.Tesseract.RunAsync(Arguments(list, request, batch), options.TimePerPage * (batch.Count + 1), cancellation, SingleThreaded);
            if (run.ExitCode != 0)
            {
                throw Failure(run.Stderr, batch);
            }

            var byImage = TesseractTsv.Pages(run.Stdout);
            return [.. batch.Select((index, image) => OcrPages.Of(
                index,
                request.Inspected.Pages[index],
                TesseractTsv.Words(byImage.GetValueOrDefault(image + 1) ?? [], request.Inspected.Pages[index])))];
        }
        finally
        {
            File.Delete(list);
            written.ForEach(images.Delete);
            _processes.Release();
        }
    }

    private List<string> Arguments(string list, OcrRequest request, IReadOnlyList<int> batch)
    {
        List<string> arguments = [list, "stdout", "-l", request.Language];
        // One --dpi for a run: pages of several resolutions each carry theirs in their image file instead.
        if (TesseractBatches.CommonDpi(request.Inspected.Pages, batch) is { } dpi)
        {
            arguments.AddRange(["--dpi", dpi.ToString(CultureInfo.InvariantCulture)]);
        }

        if (options.TessdataDir is { } tessdata)
        {
            arguments.AddRange(["--tessdata-dir", tessdata]);
        }

        // Scans are dark text on a light page: looking for inverted text as well only costs time.
        arguments.AddRange(["-c", "tessedit_do_invert=0", "tsv"]);
        return arguments;
    }

    /// <summary>Why a batch failed: a model tesseract cannot load is the installation's fault, anything else the image's.</summary>
    private static Exception Failure(string stderr, IReadOnlyList<int> batch)
    {
        if (stderr.Contains("Failed loading language", StringComparison.Ordinal) || stderr.Contains("Could not initialize tesseract", StringComparison.Ordinal))
        {
            return new InvalidOperationException($"tesseract cannot load its language models: {stderr.Trim()}");
        }

        // tesseract stops at the first image it cannot read: "Image file /tmp/…/page-3.png cannot be read!".
        var unreadable = UnreadableImage().Match(stderr);
        var page = unreadable.Success && int.TryParse(unreadable.Groups[1].Value, CultureInfo.InvariantCulture, out var index) ? index : batch[0];
        return Rejections.Scan("corrupt", $"page {page + 1} cannot be read by OCR");
    }

    /// <summary>Checks once that tesseract runs and has every language model asked for.</summary>
    private async Task RequireInstalledAsync(IReadOnlyList<string> languages, CancellationToken cancellation)
    {
        if (_installedLanguages is null)
        {
            // A process like any other: documents arriving together wait for the first one's answer.
            await _processes.WaitAsync(cancellation);
            try
            {
                _installedLanguages ??= await ListLanguagesAsync(cancellation);
            }
            finally
            {
                _processes.Release();
            }
        }

        var missing = languages.Where(language => !_installedLanguages.Contains(language)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"tesseract has no language model for {string.Join(", ", missing)}: install {string.Join(", ", missing.Select(code => $"tesseract-ocr-{code.Replace('_', '-')}"))} (Debian)");
        }
    }

    private async Task<HashSet<string>> ListLanguagesAsync(CancellationToken cancellation)
    {
        List<string> arguments = options.TessdataDir is { } tessdata ? ["--tessdata-dir", tessdata, "--list-langs"] : ["--list-langs"];
        var listed = await options.Tesseract.RunAsync(arguments, TimeSpan.FromSeconds(30), cancellation);
        return listed.ExitCode == 0
            ? listed.Stdout.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Skip(1).ToHashSet()
            : throw new InvalidOperationException($"tesseract --list-langs failed: {listed.Stderr.Trim()}");
    }

    private void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Not worth failing a document that was read: the operator sees it and the OS cleans /tmp.
            logger.LogWarning(exception, "The OCR folder {Folder} could not be removed", folder);
        }
    }

    [GeneratedRegex(@"Image file .*[/\\]page-(\d+)\.\w+ cannot be read")]
    private static partial Regex UnreadableImage();
}
