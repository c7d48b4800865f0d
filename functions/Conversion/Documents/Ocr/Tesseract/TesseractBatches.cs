namespace Etransactions.Functions.Conversion.Documents.Ocr.Tesseract;

/// <summary>
/// How the pages of a document are shared out over tesseract processes. Loading the language models costs
/// more than reading a page (about 0.7 s of a core for vie+eng, a page about 0.2-0.3 s), so each process
/// reads a batch of pages, whatever their resolutions; batches are as even as the processes allow, so every
/// core finishes at about the same time.
/// </summary>
public static class TesseractBatches
{
    /// <summary>
    /// The pages to read, in batches of consecutive pages (of <paramref name="indexes"/>), enough batches to
    /// keep <paramref name="concurrency"/> processes busy, at most <paramref name="maxPagesPerProcess"/> each.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<int>> Plan(IReadOnlyList<int> indexes, int concurrency, int maxPagesPerProcess)
    {
        var perProcess = (indexes.Count + Math.Max(1, concurrency) - 1) / Math.Max(1, concurrency);
        return Of(indexes, Math.Clamp(perProcess, 1, Math.Max(1, maxPagesPerProcess)));
    }

    /// <summary>Consecutive pages, at most <paramref name="size"/> together.</summary>
    public static IReadOnlyList<IReadOnlyList<int>> Of(IReadOnlyList<int> indexes, int size) =>
        [.. indexes.Chunk(Math.Max(1, size))];

    /// <summary>The whole dots per inch tesseract is told a page has.</summary>
    public static int Dpi(InspectedPage page) => Math.Max(1, (int)Math.Round(page.Dpi));

    /// <summary>The one resolution of a batch's pages, or null when they have several.</summary>
    public static int? CommonDpi(IReadOnlyList<InspectedPage> pages, IReadOnlyList<int> batch)
    {
        var dpi = Dpi(pages[batch[0]]);
        return batch.All(index => Dpi(pages[index]) == dpi) ? dpi : null;
    }
}
