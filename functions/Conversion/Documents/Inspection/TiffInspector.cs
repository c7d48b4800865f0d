using System.Buffers.Binary;
using BitMiracle.LibTiff.Classic;

namespace Etransactions.Functions.Conversion.Documents.Inspection;

/// <summary>
/// A TIFF's pages: LibTiff reads each image file directory (size, resolution and its unit, where the
/// strips or tiles lie) without decoding a strip; each must lie inside the file. The walk stops one page
/// past the limit, so a chain of a million pages costs no more than the limit.
/// </summary>
internal static class TiffInspector
{
    public static IReadOnlyList<InspectedPage> Inspect(ReadOnlyMemory<byte> bytes, ScanLimits limits)
    {
        if (bytes.Length < 8)
        {
            throw Rejections.Scan("corrupt", "TIFF header is cut short");
        }
        var version = bytes.Span[0] == 0x49 ? BinaryPrimitives.ReadUInt16LittleEndian(bytes.Span[2..]) : BinaryPrimitives.ReadUInt16BigEndian(bytes.Span[2..]);
        if (version == 43)
        {
            throw Rejections.Scan("unsupported-type", "BigTIFF");
        }
        using var log = TiffReadLog.Over(bytes);
        using var tiff = Tiff.ClientOpen("scan", "r", log, new TiffStream())
            ?? throw Rejections.Scan("corrupt", "TIFF first page cannot be read");
        var pages = new List<InspectedPage>();
        while (true)
        {
            if (log.Errors.Count > 0)
            {
                throw Rejections.Scan("corrupt", $"TIFF page {pages.Count + 1} cannot be read");
            }
            pages.Add(Page(tiff, bytes.Length));
            if (tiff.LastDirectory())
            {
                return pages;
            }
            if (pages.Count == limits.MaxPages)
            {
                throw ScanInspector.TooManyPages($"more than {limits.MaxPages}", limits);
            }
            if (!tiff.ReadDirectory())
            {
                throw Rejections.Scan("corrupt", $"TIFF page {pages.Count + 1} cannot be read (truncated?)");
            }
        }
    }

    private static InspectedPage Page(Tiff tiff, long fileLength)
    {
        var width = tiff.GetField(TiffTag.IMAGEWIDTH)?[0].ToInt() ?? 0;
        var height = tiff.GetField(TiffTag.IMAGELENGTH)?[0].ToInt() ?? 0;
        if (width <= 0 || height <= 0)
        {
            throw Rejections.Scan("corrupt", "TIFF page has no size");
        }
        var compression = (Compression)(tiff.GetField(TiffTag.COMPRESSION)?[0].ToInt() ?? (int)Compression.NONE);
        if (!tiff.IsCodecConfigured(compression))
        {
            throw Rejections.Scan("unsupported-type", $"TIFF compression {compression}");
        }
        var tiled = tiff.IsTiled();
        var offsets = tiff.GetField(tiled ? TiffTag.TILEOFFSETS : TiffTag.STRIPOFFSETS)?[0].TolongArray() ?? [];
        var lengths = tiff.GetField(tiled ? TiffTag.TILEBYTECOUNTS : TiffTag.STRIPBYTECOUNTS)?[0].TolongArray() ?? [];
        if (offsets.Length == 0 || offsets.Length != lengths.Length)
        {
            throw Rejections.Scan("corrupt", "TIFF page has no image data");
        }
        for (var i = 0; i < offsets.Length; i++)
        {
            if (offsets[i] < 0 || lengths[i] < 0 || offsets[i] + lengths[i] > fileLength)
            {
                throw Rejections.Scan("corrupt", "TIFF image data runs past the end of the file (truncated)");
            }
        }
        return PageGeometry.ImagePage(width, height, DeclaredDpi(tiff));
    }

    private static double? DeclaredDpi(Tiff tiff)
    {
        var resolution = tiff.GetField(TiffTag.XRESOLUTION)?[0].ToDouble();
        // TIFF's unit: 2 inch (the default), 3 centimetre, 1 none (an aspect ratio only).
        var unit = (ResUnit)(tiff.GetField(TiffTag.RESOLUTIONUNIT)?[0].ToInt() ?? (int)ResUnit.INCH);
        return PageGeometry.Dpi(resolution, unit switch
        {
            ResUnit.INCH => ResolutionUnit.Inch,
            ResUnit.CENTIMETER => ResolutionUnit.Centimetre,
            _ => ResolutionUnit.None,
        });
    }
}
