using System.Runtime.InteropServices;
using BitMiracle.LibTiff.Classic;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Etransactions.Functions.Conversion.Documents.Ocr.Tesseract;

/// <summary>
/// One page of a multi-page TIFF, decoded alone (any compression LibTiff reads: none, CCITT G3/G4, LZW,
/// JPEG, PackBits, Deflate), so a long TIFF never has all its pages in memory at once.
/// </summary>
internal static class TiffPage
{
    static TiffPage() => Inspection.TiffReadLog.InstallHandler();

    /// <summary>Page <paramref name="index"/> (from 0) of the TIFF file at <paramref name="path"/>, top row first.</summary>
    public static Image<Rgba32> Read(string path, int index)
    {
        using var tiff = Tiff.Open(path, "r") ?? throw Corrupt(index);
        if (index > short.MaxValue || !tiff.SetDirectory((short)index))
        {
            throw Corrupt(index);
        }

        var width = tiff.GetField(TiffTag.IMAGEWIDTH)?[0].ToInt() ?? 0;
        var height = tiff.GetField(TiffTag.IMAGELENGTH)?[0].ToInt() ?? 0;
        if (width <= 0 || height <= 0)
        {
            throw Corrupt(index);
        }

        // Packed A-B-G-R integers, which are R, G, B, A bytes in memory on a little-endian machine.
        var raster = new int[checked(width * height)];
        bool read;
        try
        {
            read = tiff.ReadRGBAImageOriented(width, height, raster, Orientation.TOPLEFT);
        }
        catch (Exception exception) when (exception is ArgumentException or IndexOutOfRangeException or InvalidOperationException or NotSupportedException or OverflowException)
        {
            throw Corrupt(index);
        }

        return read && BitConverter.IsLittleEndian
            ? Image.LoadPixelData<Rgba32>(MemoryMarshal.AsBytes(raster.AsSpan()), width, height)
            : throw Corrupt(index);
    }

    private static ScanRejectedException Corrupt(int index) =>
        Rejections.Scan("corrupt", $"TIFF page {index + 1} cannot be decoded");
}
