namespace Etransactions.Functions.Conversion.Documents;

public enum ScanKind
{
    Pdf,
    Png,
    Jpeg,
    Tiff,
}

/// <summary>
/// One page of a scan as its headers describe it, before anything is decoded.
/// </summary>
/// <param name="WidthPt">Width in PDF points (1/72 inch) as displayed: after a PDF's /Rotate or a JPEG's EXIF orientation.</param>
/// <param name="HeightPt">Height in points as displayed.</param>
/// <param name="WidthPx">Pixels of the page image as displayed (a PDF page: as rendered at <paramref name="Dpi"/>).</param>
/// <param name="HeightPx">Pixels as displayed.</param>
/// <param name="Dpi">The resolution the page is shown and read at: its own, or inferred when it declares none (a phone photo is sized as A4).</param>
/// <param name="Orientation">EXIF orientation 1-8 of a JPEG (1 = upright); the page is turned upright when it is built.</param>
/// <param name="HasText">A PDF page that already carries a text layer: its text is kept and the page is not OCR'd again.</param>
public sealed record InspectedPage(double WidthPt, double HeightPt, int WidthPx, int HeightPx, double Dpi, int Orientation = 1, bool HasText = false);

/// <summary>What a scan is, from its headers: its kind, its pages and its size.</summary>
public sealed record InspectedScan(ScanKind Kind, IReadOnlyList<InspectedPage> Pages, long ByteLength)
{
    public int PageCount => Pages.Count;
}

/// <summary>What a scan may cost before it is decoded (the settings SCAN_MAX_BYTES, SCAN_MAX_PAGES, SCAN_MAX_PIXELS_PER_PAGE).</summary>
public sealed record ScanLimits(long MaxBytes, int MaxPages, long MaxPixelsPerPage)
{
    /// <summary>100 MB, 500 pages, 50 megapixels a page (an A4 page at 600 dpi is 35).</summary>
    public static ScanLimits Default { get; } = new(100L * 1024 * 1024, 500, 50_000_000);
}
