namespace Etransactions.Functions.Conversion.Documents.Ocr;

/// <summary>What both engines do alike with the pages of a request.</summary>
internal static class OcrPages
{
    /// <summary>A page of the scan with the words read on it.</summary>
    public static OcrPage Of(int index, InspectedPage page, IReadOnlyList<OcrWord> words) =>
        new(index, page.WidthPt, page.HeightPt, OcrPage.TextOf(words), OcrPage.MeanConfidence(words), words);

    /// <summary>The pages asked for are pages of the scan, ascending, each once: the caller's promise, checked.</summary>
    public static void RequireIndexes(OcrRequest request)
    {
        var previous = -1;
        foreach (var index in request.PageIndexes)
        {
            if (index <= previous || index >= request.Inspected.PageCount)
            {
                throw new ArgumentException(
                    $"Page indexes must be ascending pages of the scan (0 to {request.Inspected.PageCount - 1}), got {string.Join(", ", request.PageIndexes)}",
                    nameof(request));
            }

            previous = index;
        }
    }
}
