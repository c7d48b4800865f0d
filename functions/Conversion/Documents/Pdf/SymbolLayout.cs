using System.Collections;
using PdfSharp.Drawing;
using Etransactions.Functions.Conversion.Documents.Pdf.Fonts;

namespace Etransactions.Functions.Conversion.Documents.Pdf;

/// <summary>
/// Where the symbol block's parts go on a page of a given width: the lines wrapped to the space beside the
/// QR code (or below it on a narrow page) and the height of the band added below the page's content.
/// Laid out before any OCR is paid for, so a block that cannot be made rejects the scan at once.
/// </summary>
internal sealed record SymbolLayout(IReadOnlyList<SymbolLine> Lines, IReadOnlyList<BitArray>? Qr, double QrSize, bool Stacked, double Band)
{
    public const double Margin = 8;
    public const double Leading = 1.3;

    // 84 pt holds the usual payload at 1.3 pt a module; a longer one grows, keeping modules at least 1.2 pt
    // (3.3 pixels at 200 dpi), what a phone or zbarimg reads from a print.
    private const double QrMinSize = 84;
    private const double QrMinModule = 1.2;

    // A block taller than this means text no one can read on a page: the converter's name is far too long.
    private const double MaxBand = 600;

    public static SymbolLayout For(SymbolBlock symbol, double pageWidth)
    {
        var qr = symbol.QrPayload is null ? null : QrModules.Of(symbol.QrPayload);
        var qrSize = qr is null ? 0 : Math.Max(QrMinSize, qr.Count * QrMinModule);
        var qrSpace = qr is null ? 0 : qrSize + Margin;
        var stacked = pageWidth - qrSpace < 160;
        var textWidth = Math.Max(60, (stacked ? pageWidth : pageWidth - qrSpace) - (2 * Margin));
        var gfx = XGraphics.CreateMeasureContext(new XSize(pageWidth, 1000), XGraphicsUnit.Point, XPageDirection.Downwards);
        var lines = SymbolLines.Of(symbol).SelectMany(line => Wrap(gfx, line, textWidth)).ToList();
        var textHeight = lines.Sum(line => line.Size * Leading);
        var band = Math.Ceiling((stacked ? qrSize + textHeight + Margin : Math.Max(qrSize, textHeight)) + (2 * Margin));
        if (band > MaxBand)
        {
            throw Rejections.Scan("symbol-block", $"the block would be {band:0} pt tall");
        }
        return new SymbolLayout(lines, qr, qrSize, stacked, band);
    }

    private static IEnumerable<SymbolLine> Wrap(XGraphics gfx, SymbolLine line, double width)
    {
        var font = DejaVuFonts.Font(line.Size);
        if (TextWrap.MissingGlyphs(line.Text, font) is { Count: > 0 } missing)
        {
            throw Rejections.Scan("symbol-block", $"characters the font cannot show: {string.Join(' ', missing)}");
        }
        return TextWrap.Lines(gfx, line.Text, font, width).Select(text => line with { Text = text });
    }
}
