using System.Text;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Etransactions.TestSupport.Scans;

/// <summary>
/// A born-digital PDF of lines of text, one list a page, with a real text layer: the "paper" the test scans
/// are rendered from, and itself a PDF whose pages already carry text. Written by PdfPig with the whole of
/// DejaVu Sans embedded (no subset, so every Vietnamese glyph renders whole), and no process-wide font state.
/// </summary>
public static class PaperPdf
{
    public const string FontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    /// <summary>A4 in points.</summary>
    public const double A4Width = 595.28;

    public const double A4Height = 841.89;

    public static byte[] Build(IReadOnlyList<IReadOnlyList<string>> pages, bool grey = false, double fontSize = 16)
    {
        ArgumentNullException.ThrowIfNull(pages);
        if (!File.Exists(FontPath))
        {
            throw new FileNotFoundException("DejaVu Sans is missing (Debian fonts-dejavu-core; .ci/run installs it)", FontPath);
        }
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddTrueTypeFont(File.ReadAllBytes(FontPath));
        foreach (var lines in pages)
        {
            var page = builder.AddPage(A4Width, A4Height);
            if (grey)
            {
                // Grey paper and grey ink, as an old photocopy.
                page.SetTextAndFillColor(204, 204, 199);
                page.DrawRectangle(new PdfPoint(0, 0), A4Width, A4Height, 0, fill: true);
                page.SetTextAndFillColor(77, 77, 77);
            }
            for (var i = 0; i < lines.Count; i++)
            {
                var down = 80 + (i * fontSize * 2);
                page.AddText(lines[i].Normalize(NormalizationForm.FormC), fontSize, new PdfPoint(60, A4Height - down), font);
            }
        }
        return builder.Build();
    }
}
