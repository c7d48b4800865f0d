using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Etransactions.IntegrationTests.Conversion.Signing;

/// <summary>Small PDFs to sign: one A4 page of Vietnamese text, made with PDFsharp as the app makes its own.</summary>
internal static class TestPdf
{
    private static readonly Lock FontLock = new();

    /// <summary>Content uncompressed; PDFsharp still compresses the embedded font, with its faulty Flate (no Adler-32).</summary>
    public static byte[] WithText(params string[] lines)
    {
        UseDejaVu();
        using var document = new PdfDocument();
        document.Options.NoCompression = true;
        var page = document.AddPage();
        var font = new XFont("DejaVu Sans", 12, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
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

    // PDFsharp allows one font resolver per process, set before any font is used.
    private static void UseDejaVu()
    {
        lock (FontLock)
        {
            GlobalFontSettings.FontResolver ??= new DejaVuSans();
        }
    }

    private sealed class DejaVuSans : IFontResolver
    {
        private const string Face = "DejaVuSans";

        // Debian's fonts-dejavu-core; .ci/run installs it with poppler-utils.
        private static readonly Lazy<byte[]> Bytes = new(() => File.ReadAllBytes("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"));

        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(Face);

        public byte[] GetFont(string faceName) => Bytes.Value;
    }
}
