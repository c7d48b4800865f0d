namespace Etransactions.Functions.Conversion.Documents.Ocr;

/// <summary>
/// Reads the text of the pages of a scan. Pages come out in order, one at a time, so the builder can add
/// each page's text layer as it arrives; an engine decodes only the pages it is working on.
/// Throws <see cref="TransientException"/> when trying again later may succeed and
/// <see cref="ScanRejectedException"/> when the scan itself is bad.
/// </summary>
public interface IOcrEngine
{
    /// <summary>"tesseract" or "azure-document-intelligence", as the manifest names it (the first version's names).</summary>
    string Name { get; }

    IAsyncEnumerable<OcrPage> RecognizeAsync(OcrRequest request, CancellationToken cancellation);
}

/// <param name="Scan">The scan's bytes.</param>
/// <param name="Inspected">Its pages, as inspected.</param>
/// <param name="Language">Tesseract-style languages, e.g. "vie+eng".</param>
/// <param name="PageIndexes">The 0-based pages to read, ascending (a PDF page with its own text is left out).</param>
public sealed record OcrRequest(ReadOnlyMemory<byte> Scan, InspectedScan Inspected, string Language, IReadOnlyList<int> PageIndexes);

/// <summary>One recognised word, in PDF points on the page as displayed, from its TOP-LEFT corner, y downwards.</summary>
/// <param name="Confidence">0 to 1.</param>
/// <param name="Line">Words with the same number are one line of text, in reading order.</param>
public sealed record OcrWord(string Text, double X, double Y, double Width, double Height, double Confidence, int Line);

/// <param name="Index">0-based page of the scan.</param>
/// <param name="Text">The page's text, lines separated by "\n", NFC.</param>
/// <param name="Confidence">Mean word confidence 0 to 1 (0 without words).</param>
public sealed record OcrPage(int Index, double WidthPt, double HeightPt, string Text, double Confidence, IReadOnlyList<OcrWord> Words)
{
    /// <summary>A page's text from its words: one line per line number, words joined by spaces, NFC.</summary>
    public static string TextOf(IEnumerable<OcrWord> words) =>
        string.Join('\n', words.GroupBy(word => word.Line).OrderBy(line => line.Key).Select(line => string.Join(' ', line.Select(word => word.Text))))
            .Normalize(System.Text.NormalizationForm.FormC);

    public static double MeanConfidence(IReadOnlyCollection<OcrWord> words) => words.Count == 0 ? 0 : words.Average(word => word.Confidence);
}
