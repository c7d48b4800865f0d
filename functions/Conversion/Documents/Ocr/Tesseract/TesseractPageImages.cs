using System.Globalization;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Metadata;

namespace Etransactions.Functions.Conversion.Documents.Ocr.Tesseract;

/// <summary>
/// The image tesseract reads for each page of one scan, written in the scan's temporary folder: the scan
/// itself when it is one upright image (PNG, JPEG, a TIFF of one page), a PDF page rendered by pdftoppm, a
/// page of a multi-page TIFF decoded alone, or a photo turned upright by its EXIF orientation. Every image
/// written carries the page's resolution, so pages of several resolutions can be read in one run.
/// </summary>
internal sealed class TesseractPageImages(OcrRequest request, string source, string folder, TesseractOptions options)
{
    // Lossless and quick to write: the file lives only until its batch is read.
    private static readonly PngEncoder Png = new()
    {
        ColorType = PngColorType.Grayscale,
        BitDepth = PngBitDepth.Bit8,
        CompressionLevel = PngCompressionLevel.BestSpeed,
    };

    /// <summary>The path of page <paramref name="index"/>'s image.</summary>
    public async Task<string> WriteAsync(int index, CancellationToken cancellation)
    {
        var page = request.Inspected.Pages[index];
        return request.Inspected.Kind switch
        {
            ScanKind.Pdf => await RenderPdfPageAsync(index, page, cancellation),
            // A TIFF of one page is an image tesseract reads itself; of several, a page is cut out of it.
            ScanKind.Tiff when request.Inspected.PageCount > 1 => await Task.Run(() => Save(TiffPage.Read(source, index), index, page), cancellation),
            ScanKind.Jpeg when page.Orientation != 1 => await Task.Run(() => Save(UprightImage.Load(request.Scan.Span), index, page), cancellation),
            _ => source,
        };
    }

    /// <summary>Removes what <see cref="WriteAsync"/> wrote (never the scan itself).</summary>
    public void Delete(string image)
    {
        if (image != source)
        {
            File.Delete(image);
        }
    }

    private async Task<string> RenderPdfPageAsync(int index, InspectedPage page, CancellationToken cancellation)
    {
        var prefix = Path.Combine(folder, $"page-{index}");
        var number = (index + 1).ToString(CultureInfo.InvariantCulture);
        // An uncompressed TIFF: as quick to write as a PGM, and it keeps the resolution (a PNG of a noisy
        // scan costs seconds to compress).
        string[] arguments =
        [
            "-r", TesseractBatches.Dpi(page).ToString(CultureInfo.InvariantCulture),
            "-gray", "-tiff", "-tiffcompression", "none", "-f", number, "-l", number, "-singlefile", source, prefix,
        ];
        var rendered = await options.Pdftoppm.RunAsync(arguments, options.TimePerPage, cancellation);
        var image = prefix + ".tif";
        return rendered.ExitCode == 0 && File.Exists(image)
            ? image
            : throw Rejections.Scan("corrupt", $"PDF page {index + 1} cannot be rendered");
    }

    private string Save(Image image, int index, InspectedPage page)
    {
        using (image)
        {
            image.Metadata.ResolutionUnits = PixelResolutionUnit.PixelsPerInch;
            image.Metadata.HorizontalResolution = image.Metadata.VerticalResolution = TesseractBatches.Dpi(page);
            var path = Path.Combine(folder, $"page-{index}.png");
            image.SaveAsPng(path, Png);
            return path;
        }
    }
}
