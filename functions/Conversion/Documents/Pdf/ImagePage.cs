using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Etransactions.Functions.Conversion.Documents.Pdf;

/// <summary>
/// One page of an image scan as a PDF page of its displayed size, the image at its own resolution and upright:
/// JPEG data passes through as it is (DCT), a PNG PDFsharp reads is drawn from its pixels, any other PNG and
/// every TIFF page is first decoded to plain 8-bit pixels (one page at a time, only when it is drawn).
/// </summary>
internal static class ImagePage
{
    /// <param name="bandBelow">Extra points below the image for the symbol block (first page only).</param>
    public static PdfPage Add(PdfDocument document, InspectedPage geometry, double bandBelow)
    {
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(geometry.WidthPt);
        page.Height = XUnit.FromPoint(geometry.HeightPt + bandBelow);
        return page;
    }

    /// <summary>Draws page <paramref name="index"/> of the scan at the top-left of the displayed page, filling its inspected size.</summary>
    public static void Draw(XGraphics gfx, ReadOnlyMemory<byte> scan, InspectedScan inspected, int index)
    {
        var geometry = inspected.Pages[index];
        using var image = Open(scan, inspected.Kind, index);
        var orientation = inspected.Kind == ScanKind.Jpeg ? geometry.Orientation : 1;
        // The image as stored: sideways when its EXIF orientation turns it a quarter.
        var (storedWidth, storedHeight) = orientation >= 5 ? (geometry.HeightPt, geometry.WidthPt) : (geometry.WidthPt, geometry.HeightPt);
        var state = gfx.Save();
        gfx.MultiplyTransform(Upright(orientation, storedWidth, storedHeight));
        gfx.DrawImage(image, 0, 0, storedWidth, storedHeight);
        gfx.Restore(state);
    }

    /// <summary>
    /// The matrix that shows an image stored <paramref name="width"/> x <paramref name="height"/> the way its EXIF
    /// orientation says it is seen (y down): 2 and 4 mirror it, 3 turns it half, 6 a quarter clockwise, 8 a quarter back, 5 and 7 both.
    /// </summary>
    public static XMatrix Upright(int orientation, double width, double height) => orientation switch
    {
        2 => new XMatrix(-1, 0, 0, 1, width, 0),
        3 => new XMatrix(-1, 0, 0, -1, width, height),
        4 => new XMatrix(1, 0, 0, -1, 0, height),
        5 => new XMatrix(0, 1, 1, 0, 0, 0),
        6 => new XMatrix(0, 1, -1, 0, height, 0),
        7 => new XMatrix(0, -1, -1, 0, height, width),
        8 => new XMatrix(0, -1, 1, 0, 0, width),
        _ => XMatrix.Identity,
    };

    private static XImage Open(ReadOnlyMemory<byte> scan, ScanKind kind, int index) => kind switch
    {
        ScanKind.Jpeg => XImage.FromStream(ScanStream.Of(scan)),
        ScanKind.Png => OpenPng(scan),
        ScanKind.Tiff => XImage.FromStream(new MemoryStream(PlainImage.FromTiffPage(scan, index))),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an image scan."),
    };

    private static XImage OpenPng(ReadOnlyMemory<byte> scan)
    {
        try
        {
            return XImage.FromStream(ScanStream.Of(scan));
        }
        catch (InvalidOperationException)
        {
            // PDFsharp reads 8-bit PNGs only: a bilevel, 2-bit or 16-bit scan is decoded and drawn from 8-bit pixels.
            return XImage.FromStream(new MemoryStream(PlainImage.FromImage(scan)));
        }
    }
}
