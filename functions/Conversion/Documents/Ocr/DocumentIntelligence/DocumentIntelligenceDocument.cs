using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;

namespace Etransactions.Functions.Conversion.Documents.Ocr.DocumentIntelligence;

/// <summary>The bytes sent for analysis and their type: the scan as uploaded, or a rotated photo turned upright.</summary>
internal sealed record DocumentIntelligenceDocument(ReadOnlyMemory<byte> Bytes, string ContentType)
{
    public static DocumentIntelligenceDocument Of(OcrRequest request)
    {
        var kind = request.Inspected.Kind;
        var bytes = kind == ScanKind.Jpeg && request.Inspected.Pages[0].Orientation != 1 ? Upright(request.Scan.Span) : request.Scan;
        if (bytes.Length > DocumentIntelligenceOptions.MaxRequestBytes)
        {
            throw Rejections.Scan("too-large", "over the OCR service's limit of 500 MB");
        }

        return new(bytes, kind switch
        {
            ScanKind.Pdf => "application/pdf",
            ScanKind.Png => "image/png",
            ScanKind.Jpeg => "image/jpeg",
            ScanKind.Tiff => "image/tiff",
            _ => throw new ArgumentOutOfRangeException(nameof(request), kind, "Not a kind of scan."),
        });
    }

    private static byte[] Upright(ReadOnlySpan<byte> jpeg)
    {
        using var image = UprightImage.Load(jpeg);
        using var upright = new MemoryStream();
        image.SaveAsJpeg(upright, new JpegEncoder { Quality = 90 });
        return upright.ToArray();
    }
}
