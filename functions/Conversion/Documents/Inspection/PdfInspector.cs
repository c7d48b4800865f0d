using System.Globalization;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace Etransactions.Functions.Conversion.Documents.Inspection;

/// <summary>
/// A PDF's pages: its skeleton and encryption from the trailer (<see cref="PdfTrailer"/>), then PdfPig lists
/// the pages, which parses objects and content but decodes no image. The page count is checked before any
/// page is measured. Each page: its crop box as displayed (after /Rotate), the resolution of the largest
/// image drawn on it, and whether it already carries text.
/// </summary>
internal static class PdfInspector
{
    /// <summary>Resolution a page without images is read at by OCR.</summary>
    public const double DefaultDpi = 300;

    public static IReadOnlyList<InspectedPage> Inspect(ReadOnlyMemory<byte> bytes, ScanLimits limits)
    {
        if (PdfTrailer.IsEncrypted(PdfTrailer.Dictionary(bytes.Span)))
        {
            throw Rejections.Scan("encrypted");
        }
        PdfDocument document;
        try
        {
            // Lenient, as readers are: the skeleton has been checked already. A font that cannot be read costs its letters, not the scan.
            document = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true, FilterProvider = InflateLimit.Default });
        }
        catch (PdfDocumentEncryptedException)
        {
            throw Rejections.Scan("encrypted");
        }
        catch (Exception error) when (error is not (ScanRejectedException or OutOfMemoryException))
        {
            throw Rejections.Scan("corrupt", "PDF objects cannot be read");
        }
        using (document)
        {
            var count = document.NumberOfPages;
            if (count > limits.MaxPages)
            {
                throw ScanInspector.TooManyPages(count.ToString(CultureInfo.InvariantCulture), limits);
            }
            var pages = new List<InspectedPage>(count);
            for (var number = 1; number <= count; number++)
            {
                pages.Add(MeasurePage(document, number));
            }
            return pages;
        }
    }

    private static InspectedPage MeasurePage(PdfDocument document, int number)
    {
        try
        {
            return Measure(document.GetPage(number));
        }
        catch (Exception error) when (error is not (ScanRejectedException or OutOfMemoryException))
        {
            throw Rejections.Scan("corrupt", $"PDF page {number} cannot be read");
        }
    }

    private static InspectedPage Measure(Page page)
    {
        var box = page.CropBox.Bounds;
        var quarterTurns = (int)Math.Round((((page.Rotation.Value % 360) + 360) % 360) / 90.0);
        var (widthPt, heightPt) = quarterTurns % 2 == 1 ? (box.Height, box.Width) : (box.Width, box.Height);
        var image = LargestImage(page, widthPt >= heightPt);
        // A scanner's page image covers the page: its resolution is pixels over inches, along the longer sides.
        var dpi = image is { } drawn
            ? Math.Clamp(Math.Round(Math.Max(drawn.Width, drawn.Height) * 72.0 / Math.Max(Math.Max(widthPt, heightPt), 1), MidpointRounding.AwayFromZero), 72, 600)
            : DefaultDpi;
        var renderedWidth = (int)Math.Round(widthPt * dpi / 72, MidpointRounding.AwayFromZero);
        var renderedHeight = (int)Math.Round(heightPt * dpi / 72, MidpointRounding.AwayFromZero);
        var (widthPx, heightPx) = image is { } larger && (long)larger.Width * larger.Height > (long)renderedWidth * renderedHeight
            ? larger
            : (renderedWidth, renderedHeight);
        return new InspectedPage(widthPt, heightPt, widthPx, heightPx, dpi, HasText: HasText(page));
    }

    /// <summary>The largest image drawn on the page (in form XObjects too), its sides turned to match the page's.</summary>
    private static (int Width, int Height)? LargestImage(Page page, bool landscape)
    {
        (int Width, int Height)? best = null;
        foreach (var image in page.GetImages())
        {
            var (w, h) = (image.WidthInSamples, image.HeightInSamples);
            if (best is not { } known || (long)w * h > (long)known.Width * known.Height)
            {
                best = (w, h);
            }
        }
        return best is { } found && (found.Width >= found.Height) != landscape ? (found.Height, found.Width) : best;
    }

    /// <summary>A text layer with real characters (letters or digits), visible or invisible as OCR writes it.</summary>
    /// <summary>
    /// A page with a text layer of its own: enough letters to be the page's text, not a scanner's stamp or a page
    /// number over a scanned image, which would otherwise keep the page from being read.
    /// </summary>
    private static bool HasText(Page page) => page.Letters.Count(letter => letter.Value.Any(char.IsLetterOrDigit)) >= MinimumLettersOfText;

    private const int MinimumLettersOfText = 40;
}
