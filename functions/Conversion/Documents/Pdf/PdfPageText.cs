using System.Text;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace Etransactions.Functions.Conversion.Documents.Pdf;

/// <summary>
/// The text a PDF page already carries, read with PdfPig: letters grouped into words, words into lines and
/// blocks, blocks in reading order; lines separated by "\n", NFC. Opened once, only when a page needs it.
/// </summary>
internal sealed class PdfPageText(ReadOnlyMemory<byte> pdf) : IDisposable
{
    private PigDocument? _document;

    /// <param name="index">0-based page.</param>
    public string Of(int index)
    {
        try
        {
            _document ??= PigDocument.Open(pdf);
            var page = _document.GetPage(index + 1);
            var words = NearestNeighbourWordExtractor.Instance.GetWords(page.Letters);
            var blocks = DocstrumBoundingBoxes.Instance.GetBlocks(words);
            var ordered = UnsupervisedReadingOrderDetector.Instance.Get(blocks);
            var lines = ordered.SelectMany(block => block.TextLines).Select(line => string.Join(' ', line.Words.Select(word => word.Text)));
            return string.Join('\n', lines).Normalize(NormalizationForm.FormC);
        }
        catch (Exception error) when (error is not ScanRejectedException and not OutOfMemoryException)
        {
            throw Rejections.Scan("corrupt", $"the text of page {index + 1} cannot be read");
        }
    }

    public void Dispose() => _document?.Dispose();
}
