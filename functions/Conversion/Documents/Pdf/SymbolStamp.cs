using PdfSharp.Drawing;
using Etransactions.Functions.Conversion.Documents.Pdf.Fonts;

namespace Etransactions.Functions.Conversion.Documents.Pdf;

/// <summary>
/// Draws the distinct symbol block in the band below a page's content: a white band under a thin red rule,
/// the QR code as filled squares (sharp at any zoom), and the lines in dark red, visible and searchable.
/// </summary>
internal static class SymbolStamp
{
    private static readonly XColor Rule = XColor.FromArgb(191, 26, 26);
    private static readonly XBrush Ink = new XSolidBrush(XColor.FromArgb(140, 13, 13));

    /// <param name="top">Where the band starts, from the top of the displayed page.</param>
    public static void Draw(XGraphics gfx, SymbolLayout layout, double pageWidth, double top)
    {
        var m = SymbolLayout.Margin;
        gfx.DrawRectangle(XBrushes.White, 0, top, pageWidth, layout.Band);
        gfx.DrawRectangle(new XSolidBrush(Rule), 0, top, pageWidth, 1);
        if (layout.Qr is not null)
        {
            DrawQr(gfx, layout, m, top + m);
        }
        var x = layout.Stacked || layout.Qr is null ? m : m + layout.QrSize + m;
        var y = top + (layout.Stacked && layout.Qr is not null ? m + layout.QrSize + m : m);
        foreach (var line in layout.Lines)
        {
            y += line.Size * SymbolLayout.Leading;
            gfx.DrawString(line.Text, DejaVuFonts.Font(line.Size), Ink, x, y - (line.Size * (SymbolLayout.Leading - 1)), XStringFormats.BaseLineLeft);
        }
    }

    /// <summary>One rectangle per run of dark modules in a row.</summary>
    private static void DrawQr(XGraphics gfx, SymbolLayout layout, double x, double y)
    {
        var modules = layout.Qr!;
        var unit = layout.QrSize / modules.Count;
        var runs = new List<XRect>();
        for (var row = 0; row < modules.Count; row++)
        {
            var col = 0;
            while (col < modules[row].Length)
            {
                if (!modules[row][col])
                {
                    col++;
                    continue;
                }
                var start = col;
                while (col < modules[row].Length && modules[row][col])
                {
                    col++;
                }
                runs.Add(new XRect(x + (start * unit), y + (row * unit), (col - start) * unit, unit));
            }
        }
        gfx.DrawRectangles(XBrushes.Black, [.. runs]);
    }
}
