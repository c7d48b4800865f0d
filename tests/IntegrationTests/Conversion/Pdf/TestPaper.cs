using Etransactions.Functions.Conversion.Documents.Ocr;
using Etransactions.Functions.Conversion.Documents.Pdf.Fonts;
using Etransactions.TestSupport.Scans;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Etransactions.IntegrationTests.Conversion.Pdf;

/// <summary>
/// The "paper" test scans are made from: a born-digital A4 PDF of known Vietnamese lines, and where each word
/// sits on it (points from the top-left), which is what a perfect OCR engine would return for its scan.
/// </summary>
internal sealed record TestPaper(byte[] Pdf, IReadOnlyList<IReadOnlyList<OcrWord>> Words)
{
    public const double Width = 595.28;
    public const double Height = 841.89;
    private const double Left = 56;
    private const double FirstBaseline = 90;
    private const double FontSize = 14;
    private const double LineGap = 26;

    /// <summary>Pages cycling through the sample pages.</summary>
    public static TestPaper Sample(int pageCount = 1) => Of(SampleText.Paper(pageCount));

    public static TestPaper Of(IReadOnlyList<IReadOnlyList<string>> pages)
    {
        using var document = new PdfDocument();
        var words = new List<IReadOnlyList<OcrWord>>();
        var font = DejaVuFonts.Font(FontSize);
        foreach (var lines in pages)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(Width);
            page.Height = XUnit.FromPoint(Height);
            using var gfx = XGraphics.FromPdfPage(page);
            var pageWords = new List<OcrWord>();
            for (var line = 0; line < lines.Count; line++)
            {
                var baseline = FirstBaseline + (line * LineGap);
                gfx.DrawString(lines[line], font, XBrushes.Black, Left, baseline, XStringFormats.BaseLineLeft);
                var x = Left;
                foreach (var word in lines[line].Split(' '))
                {
                    var width = gfx.MeasureString(word, font).Width;
                    pageWords.Add(new OcrWord(word, x, baseline - (FontSize * 0.93), width, FontSize * 1.17, 0.95, line));
                    x += gfx.MeasureString(word + " ", font).Width;
                }
            }
            words.Add(pageWords);
        }
        using var output = new MemoryStream();
        document.Save(output);
        return new TestPaper(output.ToArray(), words);
    }
}
