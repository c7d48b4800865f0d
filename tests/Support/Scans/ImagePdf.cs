using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Etransactions.TestSupport.Scans;

/// <summary>PDFs as scanners make them: every page one JPEG image of the paper, no text at all (written by PdfPig).</summary>
public static class ImagePdf
{
    /// <summary>One page a JPEG, each page sized so that its image is at <paramref name="dpi"/>.</summary>
    public static byte[] Build(IReadOnlyList<byte[]> jpegPages, int dpi, PageRotationDegrees? rotation = null)
    {
        ArgumentNullException.ThrowIfNull(jpegPages);
        return Build([.. jpegPages.Select(jpeg => (jpeg, dpi))], rotation);
    }

    /// <summary>One page a JPEG, each at its own resolution.</summary>
    public static byte[] Build(IReadOnlyList<(byte[] Jpeg, int Dpi)> pages, PageRotationDegrees? rotation = null)
    {
        ArgumentNullException.ThrowIfNull(pages);
        using var builder = new PdfDocumentBuilder();
        foreach (var (jpeg, dpi) in pages)
        {
            var (width, height) = JpegSize(jpeg);
            var page = builder.AddPage(width * 72.0 / dpi, height * 72.0 / dpi);
            page.AddJpeg(jpeg, new PdfRectangle(0, 0, width * 72.0 / dpi, height * 72.0 / dpi));
            if (rotation is { } turn)
            {
                page.SetRotation(turn);
            }
        }
        return builder.Build();
    }

    private static (int Width, int Height) JpegSize(byte[] jpeg)
    {
        var info = SixLabors.ImageSharp.Image.Identify(jpeg) ?? throw new InvalidOperationException("not an image");
        return (info.Width, info.Height);
    }
}
