using System.Runtime.InteropServices;
using BitMiracle.LibTiff.Classic;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Etransactions.Functions.Conversion.Documents.Pdf;

/// <summary>
/// A page image decoded to what PDFsharp draws from any source: an 8-bit grey or RGB PNG, written with the
/// fastest compression (the PDF's own compression follows). Grey stays grey, so a bilevel scan stays small.
/// </summary>
internal static class PlainImage
{
    private static readonly PngEncoder Encoder = new() { BitDepth = PngBitDepth.Bit8, CompressionLevel = PngCompressionLevel.BestSpeed };

    /// <summary>Page <paramref name="index"/> of a TIFF, decoded alone with LibTiff (any compression it reads: none, CCITT, LZW, JPEG, PackBits, Deflate).</summary>
    public static byte[] FromTiffPage(ReadOnlyMemory<byte> tiff, int index)
    {
        using var input = ScanStream.Of(tiff);
        Inspection.TiffReadLog.InstallHandler();
        using var file = Tiff.ClientOpen("scan", "r", input, new TiffStream())
            ?? throw Rejections.Scan("corrupt", "TIFF cannot be opened");
        if (!file.SetDirectory((short)index))
        {
            throw Rejections.Scan("corrupt", $"TIFF page {index + 1} is missing");
        }
        var width = file.GetField(TiffTag.IMAGEWIDTH)[0].ToInt();
        var height = file.GetField(TiffTag.IMAGELENGTH)[0].ToInt();
        var photometric = (Photometric)(file.GetField(TiffTag.PHOTOMETRIC)?[0].ToInt() ?? (int)Photometric.MINISWHITE);
        var raster = new int[checked(width * height)];
        if (!file.ReadRGBAImageOriented(width, height, raster, Orientation.TOPLEFT))
        {
            throw Rejections.Scan("corrupt", $"TIFF page {index + 1} cannot be decoded");
        }
        return photometric is Photometric.MINISWHITE or Photometric.MINISBLACK ? Grey(raster, width, height) : Rgb(raster, width, height);
    }

    /// <summary>A PNG PDFsharp does not read (bilevel, 2-bit, 16-bit), transparency laid on white.</summary>
    public static byte[] FromImage(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            using var image = Image.Load<Rgba32>(bytes.Span);
            image.Mutate(pixels => pixels.BackgroundColor(Color.White));
            var grey = image.Metadata.GetPngMetadata().ColorType is PngColorType.Grayscale or PngColorType.GrayscaleWithAlpha;
            using var plain = grey ? (Image)image.CloneAs<L8>() : image.CloneAs<Rgb24>();
            return Encode(plain);
        }
        catch (Exception error) when (error is ImageFormatException or NotSupportedException or UnknownImageFormatException)
        {
            throw Rejections.Scan("corrupt", "the image cannot be decoded");
        }
    }

    private static byte[] Grey(int[] raster, int width, int height)
    {
        var pixels = new byte[raster.Length];
        for (var i = 0; i < raster.Length; i++)
        {
            pixels[i] = (byte)Tiff.GetR(raster[i]);
        }
        using var image = Image.LoadPixelData<L8>(pixels, width, height);
        return Encode(image);
    }

    private static byte[] Rgb(int[] raster, int width, int height)
    {
        // LibTiff packs each pixel as ABGR in an int: in memory (little-endian) R, G, B, A, which is Rgba32.
        using var rgba = Image.LoadPixelData<Rgba32>(MemoryMarshal.AsBytes(raster.AsSpan()), width, height);
        using var image = rgba.CloneAs<Rgb24>();
        return Encode(image);
    }

    private static byte[] Encode(Image image)
    {
        using var output = new MemoryStream();
        image.Save(output, Encoder);
        return output.ToArray();
    }
}
