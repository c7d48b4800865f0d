using Etransactions.Functions.Conversion.Documents.Pdf.Fonts;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Etransactions.IntegrationTests.Signing;

/// <summary>Small PDFs to sign: one A4 page of Vietnamese text, made with PDFsharp as the app makes its own.</summary>
internal static class TestPdf
{

    /// <summary>Content uncompressed; PDFsharp still compresses the embedded font, with its faulty Flate (no Adler-32).</summary>
    public static byte[] WithText(params string[] lines)
    {
        using var document = new PdfDocument();
        document.Options.NoCompression = true;
        var page = document.AddPage();
        var font = DejaVuFonts.Font(12); // the app's own (PDFsharp has one font resolver per process)
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            for (var i = 0; i < lines.Length; i++)
            {
                graphics.DrawString(lines[i], font, XBrushes.Black, new XPoint(56, 80 + (20 * i)));
            }
        }

        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }
}
