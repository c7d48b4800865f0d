using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Etransactions.Functions.Conversion.Documents.Pdf.Fonts;

/// <summary>
/// The one font the app draws PDF text with: DejaVu Sans, shipped inside the assembly (Azure's workers
/// have no fonts), served to PDFsharp through its process-wide font resolver.
/// </summary>
public static class DejaVuFonts
{
    public const string Family = "DejaVu Sans";

    private static readonly Lock InstallLock = new();

    /// <summary>
    /// The font for every piece of text in a data message, visible or not. Embedded whole: PDFsharp's subsets keep
    /// only one level of a composite glyph, and DejaVu builds letters with two marks ("ấ", "ệ", "ữ") from
    /// composites of composites, so a subset shows "ấ" as "a". One font for both uses embeds it once.
    /// </summary>
    public static XFont Font(double size)
    {
        Install();
        return new XFont(Family, size, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode, PdfFontEmbedding.EmbedCompleteFontFile));
    }

    /// <summary>Sets the resolver once for the process (PDFsharp's font settings are global); safe from any thread.</summary>
    public static void Install()
    {
        if (GlobalFontSettings.FontResolver is DejaVuFontResolver)
        {
            return;
        }
        lock (InstallLock)
        {
            switch (GlobalFontSettings.FontResolver)
            {
                case null:
                    GlobalFontSettings.FontResolver = new DejaVuFontResolver();
                    break;
                case DejaVuFontResolver:
                    break;
                case var other:
                    throw new InvalidOperationException($"PDFsharp already has the font resolver {other.GetType().Name}; the app draws with {nameof(DejaVuFonts)} only.");
            }
        }
    }
}
