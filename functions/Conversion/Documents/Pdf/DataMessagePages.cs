using System.Text;
using Etransactions.Functions.Conversion.Documents.Ocr;
using PdfSharp.Pdf;

namespace Etransactions.Functions.Conversion.Documents.Pdf;

/// <summary>
/// The pages of a data message as they are added, in order: an image scan's page is made when its OCR text
/// arrives; a PDF's page is already there and gets its text layer (OCR) or keeps its own text (read with
/// PdfPig); the first page also gets the symbol band. Keeps each page's text and where it came from.
/// </summary>
internal sealed class DataMessagePages(PdfDocument document, ReadOnlyMemory<byte> scan, InspectedScan inspected, SymbolLayout symbol, PdfPageText ownText)
{
    private readonly List<string> _texts = [];
    private readonly List<PageText> _sources = [];
    private double _confidenceSum;
    private int _words;

    public int OcrPageCount { get; private set; }

    public IReadOnlyList<string> Texts => _texts;

    public IReadOnlyList<PageText> Sources => _sources;

    /// <summary>Word confidence over every OCR'd page, each word counting once, four decimals.</summary>
    public double MeanConfidence => _words == 0 ? 0 : Math.Round(_confidenceSum / _words, 4);

    /// <summary>Adds the pages before <paramref name="end"/> that are not added yet: pages that keep their own text.</summary>
    public void AddUpTo(int end)
    {
        while (_texts.Count < end)
        {
            var index = _texts.Count;
            Place(index, null);
            Keep(index, ownText.Of(index), PageTextSource.Pdf);
        }
    }

    public void AddRead(OcrPage ocr)
    {
        Place(ocr.Index, ocr);
        Keep(ocr.Index, ocr.Text.Normalize(NormalizationForm.FormC), PageTextSource.Ocr);
        _confidenceSum += ocr.Confidence * ocr.Words.Count;
        _words += ocr.Words.Count;
        OcrPageCount++;
    }

    private void Keep(int index, string text, PageTextSource source)
    {
        _texts.Add(text);
        _sources.Add(new PageText(index, source, text.Length));
    }

    private void Place(int index, OcrPage? ocr)
    {
        var band = index == 0 ? symbol.Band : 0;
        if (inspected.Kind == ScanKind.Pdf)
        {
            var page = document.Pages[index];
            var content = PageFrame.Of(page);
            if (ocr is null && band == 0)
            {
                return;
            }
            if (band > 0)
            {
                PageFrame.ExtendBottom(page, band);
            }
            using var gfx = PageFrame.Open(page);
            Draw(gfx, ocr, content.Width, content.Height, band);
        }
        else
        {
            var geometry = inspected.Pages[index];
            var page = ImagePage.Add(document, geometry, band);
            using var gfx = PageFrame.Open(page);
            ImagePage.Draw(gfx, scan, inspected, index);
            Draw(gfx, ocr, geometry.WidthPt, geometry.HeightPt, band);
        }
    }

    private void Draw(PdfSharp.Drawing.XGraphics gfx, OcrPage? ocr, double width, double height, double band)
    {
        if (ocr is not null)
        {
            InvisibleTextLayer.Draw(gfx, width, height, ocr);
        }
        if (band > 0)
        {
            SymbolStamp.Draw(gfx, symbol, width, height);
        }
    }
}
