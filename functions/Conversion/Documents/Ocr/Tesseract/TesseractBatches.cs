namespace Etransactions.Functions.Conversion.Documents.Ocr.Tesseract;

/// <summary>
/// How the pages of a document are shared out over tesseract processes. Loading the language models costs
/// about a third of a page, so each process reads a batch of pages; batches are as even as the processes
/// allow, so every core finishes at about the same time.
/// </summary>
public static class TesseractBatches
{
    /// <summary>
    /// The pages to read, in batches of consecutive pages (of <paramref name="indexes"/>), enough batches to
    /// keep <paramref name="concurrency"/> processes busy, at most <paramref name="maxPagesPerProcess"/> each.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<int>> Plan(
        IReadOnlyList<InspectedPage> pages, IReadOnlyList<int> indexes, int concurrency, int maxPagesPerProcess)
    {
        var perProcess = (indexes.Count + Math.Max(1, concurrency) - 1) / Math.Max(1, concurrency);
        return Of(pages, indexes, Math.Clamp(perProcess, 1, Math.Max(1, maxPagesPerProcess)));
    }

    /// <summary>
    /// Consecutive pages of one resolution, at most <paramref name="size"/> together: a tesseract run takes
    /// one <c>--dpi</c>.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<int>> Of(IReadOnlyList<InspectedPage> pages, IReadOnlyList<int> indexes, int size)
    {
        var batches = new List<List<int>>();
        foreach (var index in indexes)
        {
            var last = batches.Count > 0 ? batches[^1] : null;
            if (last is not null && last.Count < size && Dpi(pages[last[0]]) == Dpi(pages[index]))
            {
                last.Add(index);
            }
            else
            {
                batches.Add([index]);
            }
        }

        return batches;
    }

    /// <summary>The whole dots per inch tesseract is told a page has.</summary>
    public static int Dpi(InspectedPage page) => Math.Max(1, (int)Math.Round(page.Dpi));
}
