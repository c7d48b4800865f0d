using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Etransactions.Functions.Conversion.Documents.Pdf;

/// <summary>
/// A page as the reader sees it: its displayed size in points and the matrix that takes coordinates on the
/// displayed page (origin top-left, y down, as OCR gives them) to PDFsharp's drawing space on that page,
/// taking the crop box's origin and the page's /Rotate into account (scanners often store pages sideways).
/// PDFsharp itself ignores both: its drawing space is the unrotated media box, flipped at its height.
/// </summary>
internal readonly record struct PageFrame(double Width, double Height, XMatrix ToGraphics)
{
    public static PageFrame Of(PdfPage page)
    {
        var crop = page.EffectiveCropBoxReadOnly;
        double x = crop.X1, y = crop.Y1, w = crop.Width, h = crop.Height;
        // Drawing space (gx, gy) is user space (gx, mediaHeight - gy).
        var top = page.Height.Point - y;
        return QuarterTurns(page) switch
        {
            1 => new PageFrame(h, w, new XMatrix(0, -1, 1, 0, x, top)),
            2 => new PageFrame(w, h, new XMatrix(-1, 0, 0, -1, x + w, top)),
            3 => new PageFrame(h, w, new XMatrix(0, 1, -1, 0, x + w, top - h)),
            _ => new PageFrame(w, h, new XMatrix(1, 0, 0, 1, x, top - h)),
        };
    }

    /// <summary>Draws on the page in its displayed frame, after what it already shows.</summary>
    public static XGraphics Open(PdfPage page)
    {
        var frame = Of(page);
        var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
        gfx.MultiplyTransform(frame.ToGraphics);
        return gfx;
    }

    /// <summary>Grows the page by <paramref name="band"/> points below what the reader sees as its bottom edge; nothing on it moves.</summary>
    public static void ExtendBottom(PdfPage page, double band)
    {
        var turns = QuarterTurns(page);
        var hasCrop = page.HasCropBox;
        var crop = page.EffectiveCropBoxReadOnly;
        page.MediaBox = Grow(page.MediaBox, turns, band);
        if (hasCrop)
        {
            page.CropBox = Grow(crop, turns, band);
        }
    }

    private static PdfRectangle Grow(PdfRectangle box, int turns, double band) => turns switch
    {
        1 => Box(box.X1, box.Y1, box.X2 + band, box.Y2),
        2 => Box(box.X1, box.Y1, box.X2, box.Y2 + band),
        3 => Box(box.X1 - band, box.Y1, box.X2, box.Y2),
        _ => Box(box.X1, box.Y1 - band, box.X2, box.Y2),
    };

    private static PdfRectangle Box(double x1, double y1, double x2, double y2) => new(new XPoint(x1, y1), new XPoint(x2, y2));

    private static int QuarterTurns(PdfPage page) => (int)Math.Round((((page.Rotate % 360) + 360) % 360) / 90.0) % 4;
}
