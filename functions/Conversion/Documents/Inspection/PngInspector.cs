using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using MetadataExtractor;
using MetadataExtractor.Formats.Png;

namespace Etransactions.Functions.Conversion.Documents.Inspection;

/// <summary>
/// A PNG page: every chunk is checked whole (its length and CRC, up to IEND) without inflating the image
/// data; MetadataExtractor reads what the header declares (size, depth, colour type, pHYs resolution).
/// </summary>
internal static class PngInspector
{
    private const int SignatureLength = 8;

    // Bit depths the PNG specification allows for each colour type (0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA).
    private static readonly Dictionary<int, int[]> ValidDepths = new()
    {
        [0] = [1, 2, 4, 8, 16],
        [2] = [8, 16],
        [3] = [1, 2, 4, 8],
        [4] = [8, 16],
        [6] = [8, 16],
    };

    public static InspectedPage Inspect(ReadOnlyMemory<byte> bytes)
    {
        CheckChunks(bytes.Span);
        IReadOnlyList<MetadataExtractor.Directory> directories;
        try
        {
            using var stream = ScanBytes.Stream(bytes);
            directories = PngMetadataReader.ReadMetadata(stream);
        }
        catch (Exception error) when (error is ImageProcessingException or IOException or MetadataException)
        {
            throw Rejections.Scan("corrupt", "PNG header cannot be read");
        }
        var header = directories.OfType<PngDirectory>().FirstOrDefault(d => d.ContainsTag(PngDirectory.TagImageWidth))
            ?? throw Rejections.Scan("corrupt", "PNG does not start with an IHDR chunk");
        var colorType = header.GetInt32(PngDirectory.TagColorType);
        var bitDepth = header.GetInt32(PngDirectory.TagBitsPerSample);
        if (!ValidDepths.TryGetValue(colorType, out var depths) || !depths.Contains(bitDepth))
        {
            throw Rejections.Scan("corrupt", $"PNG colour type {colorType} with bit depth {bitDepth} is not valid");
        }
        var width = header.GetInt32(PngDirectory.TagImageWidth);
        var height = header.GetInt32(PngDirectory.TagImageHeight);
        if (width <= 0 || height <= 0)
        {
            throw Rejections.Scan("empty", "PNG of zero pixels");
        }
        return PageGeometry.ImagePage(width, height, DeclaredDpi(directories));
    }

    private static double? DeclaredDpi(IEnumerable<MetadataExtractor.Directory> directories)
    {
        var physical = directories.OfType<PngDirectory>().FirstOrDefault(d => d.ContainsTag(PngDirectory.TagPixelsPerUnitX));
        // Unit 1 is the metre; 0 gives only the aspect ratio.
        return physical is not null && physical.TryGetInt32(PngDirectory.TagUnitSpecifier, out var unit) && unit == 1
            ? PageGeometry.Dpi(physical.GetInt64(PngDirectory.TagPixelsPerUnitX), ResolutionUnit.Metre)
            : null;
    }

    /// <summary>Walks the chunks: each must lie inside the file and pass its CRC; IHDR first, IDAT present, IEND last.</summary>
    private static void CheckChunks(ReadOnlySpan<byte> bytes)
    {
        var at = (long)SignatureLength;
        var first = true;
        var imageData = false;
        while (true)
        {
            if (at + 12 > bytes.Length)
            {
                throw Rejections.Scan("corrupt", "PNG ends before its IEND chunk");
            }
            var start = (int)at;
            long length = BinaryPrimitives.ReadUInt32BigEndian(bytes[start..]);
            var end = at + 8 + length + 4;
            if (length > int.MaxValue || end > bytes.Length)
            {
                throw Rejections.Scan("corrupt", "PNG chunk runs past the end of the file");
            }
            var typeBytes = bytes.Slice(start + 4, 4);
            if (!IsLetters(typeBytes))
            {
                throw Rejections.Scan("corrupt", "PNG chunk type is not valid");
            }
            var type = Encoding.ASCII.GetString(typeBytes);
            var stored = BinaryPrimitives.ReadUInt32BigEndian(bytes[(int)(end - 4)..]);
            if (Crc32.HashToUInt32(bytes.Slice(start + 4, 4 + (int)length)) != stored)
            {
                throw Rejections.Scan("corrupt", $"PNG chunk {type} fails its CRC check");
            }
            if (first && (type != "IHDR" || length != 13))
            {
                throw Rejections.Scan("corrupt", "PNG does not start with an IHDR chunk");
            }
            first = false;
            imageData |= type == "IDAT";
            if (type == "IEND")
            {
                break;
            }
            at = end;
        }
        if (!imageData)
        {
            throw Rejections.Scan("corrupt", "PNG has no image data");
        }
    }

    private static bool IsLetters(ReadOnlySpan<byte> type)
    {
        foreach (var b in type)
        {
            if (!char.IsAsciiLetter((char)b))
            {
                return false;
            }
        }
        return true;
    }
}
