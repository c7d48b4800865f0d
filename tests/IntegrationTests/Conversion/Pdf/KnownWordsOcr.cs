using System.Runtime.CompilerServices;
using Etransactions.Functions.Conversion.Documents.Ocr;

namespace Etransactions.IntegrationTests.Conversion.Pdf;

/// <summary>
/// An OCR engine that reads perfectly: it returns the words the test paper was drawn with, at their places,
/// for the pages asked, and remembers what it was asked. <paramref name="pagesToReturn"/> makes it lose pages.
/// </summary>
internal sealed class KnownWordsOcr(IReadOnlyList<IReadOnlyList<OcrWord>> words, int? pagesToReturn = null) : IOcrEngine
{
    public string Name => "known-words";

    public List<OcrRequest> Requests { get; } = [];

    public async IAsyncEnumerable<OcrPage> RecognizeAsync(OcrRequest request, [EnumeratorCancellation] CancellationToken cancellation)
    {
        Requests.Add(request);
        foreach (var index in request.PageIndexes.Take(pagesToReturn ?? int.MaxValue))
        {
            await Task.Yield();
            var pageWords = words[index];
            yield return new OcrPage(index, TestPaper.Width, TestPaper.Height, OcrPage.TextOf(pageWords), OcrPage.MeanConfidence([.. pageWords]), pageWords);
        }
    }
}
