using System.Buffers;
using System.Text.Json;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;

namespace Etransactions.Functions.Conversion.Documents.Ocr.DocumentIntelligence;

/// <summary>
/// What is sent for analysis: the scan as uploaded, or a photo marked as rotated turned upright, as the
/// request body the 2024-11-30 API documents, <c>{"base64Source": "…"}</c>. Built once a document and sent
/// for each range of its pages.
/// </summary>
internal static class DocumentIntelligenceDocument
{
    public static ReadOnlyMemory<byte> Body(OcrRequest request)
    {
        var upright = request.Inspected.Kind == ScanKind.Jpeg && request.Inspected.Pages[0].Orientation != 1;
        var document = upright ? Upright(request.Scan.Span) : request.Scan;
        if (document.Length > DocumentIntelligenceOptions.MaxRequestBytes)
        {
            throw Rejections.Scan("too-large", "over the OCR service's limit of 500 MB");
        }

        var body = new ArrayBufferWriter<byte>((document.Length / 3 * 4) + 32);
        using (var json = new Utf8JsonWriter(body))
        {
            json.WriteStartObject();
            json.WriteBase64String("base64Source", document.Span);
            json.WriteEndObject();
        }

        return body.WrittenMemory;
    }

    private static byte[] Upright(ReadOnlySpan<byte> jpeg)
    {
        using var image = UprightImage.Load(jpeg);
        using var upright = new MemoryStream();
        image.SaveAsJpeg(upright, new JpegEncoder { Quality = 90 });
        return upright.ToArray();
    }
}
