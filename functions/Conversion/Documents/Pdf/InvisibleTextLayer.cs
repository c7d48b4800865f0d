using System.Text;
using Etransactions.Functions.Conversion.Documents.Ocr;
using Etransactions.Functions.Conversion.Documents.Pdf.Fonts;
using PdfSharp.Drawing;

namespace Etransactions.Functions.Conversion.Documents.Pdf;

/// <summary>
/// The invisible, searchable text over a scanned page, as OCR tools write it (text render mode 3): every word on
/// its box, stretched to its width, so a search highlights the word on the image and pdftotext returns the
/// words in reading order. A word ends with a space stretched up to the next word, so the text keeps its spaces.
/// </summary>
internal static class InvisibleTextLayer
{
    /// <param name="width">The displayed width of the page's content (without a symbol band), in points.</param>
    public static void Draw(XGraphics gfx, double width, double height, OcrPage ocr)
    {
        if (ocr.Words.Count == 0)
        {
            return;
        }
        // OCR measured the page it read; the PDF page may differ by rounding.
        var sx = ocr.WidthPt > 0 ? width / ocr.WidthPt : 1;
        var sy = ocr.HeightPt > 0 ? height / ocr.HeightPt : 1;
        var state = gfx.Save();
        // PDFsharp has no text render mode of its own; 3 Tr holds until the Restore below.
        gfx.Internals.ContentStringBuilder?.Append("3 Tr\n");
        foreach (var line in ocr.Words.GroupBy(word => word.Line).OrderBy(line => line.Key))
        {
            DrawLine([.. line.OrderBy(word => word.X)], sx, sy, gfx);
        }
        gfx.Restore(state);
    }

    private static void DrawLine(OcrWord[] words, double sx, double sy, XGraphics gfx)
    {
        var height = words.Max(word => word.Height) * sy;
        var bottom = words.Max(word => word.Y + word.Height) * sy;
        var size = Math.Max(1, height * 0.85);
        var font = DejaVuFonts.Font(size);
        var baseline = bottom - (size * 0.15);
        for (var i = 0; i < words.Length; i++)
        {
            var next = i + 1 < words.Length ? words[i + 1] : null;
            var text = (next is null ? words[i].Text : words[i].Text + " ").Normalize(NormalizationForm.FormC);
            var target = next is null ? words[i].Width * sx : (next.X - words[i].X) * sx;
            var natural = gfx.MeasureString(text, font).Width;
            var stretch = natural > 0 && target > 0 ? Math.Clamp(target / natural, 0.05, 10) : 1;
            var state = gfx.Save();
            gfx.TranslateTransform(words[i].X * sx, baseline);
            gfx.ScaleTransform(stretch, 1);
            gfx.DrawString(text, font, XBrushes.Black, 0, 0, XStringFormats.BaseLineLeft);
            gfx.Restore(state);
        }
    }
}
