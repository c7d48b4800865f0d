using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Jfif;
using MetadataExtractor.Formats.Jpeg;
using MetadataExtractor.IO;

namespace Etransactions.Functions.Conversion.Documents.Inspection;

/// <summary>
/// A JPEG page: MetadataExtractor walks the marker segments up to the first scan and reads the frame size
/// (baseline or progressive), the JFIF or EXIF resolution and the EXIF orientation; nothing is decoded.
/// </summary>
internal static class JpegInspector
{
    private static readonly IJpegSegmentMetadataReader[] Readers = [new JpegReader(), new JfifReader(), new ExifReader()];

    // Only the segments these readers need are copied out (each at most 64 KB); the others are skipped.
    private static readonly HashSet<JpegSegmentType> Wanted = Readers.SelectMany(reader => reader.SegmentTypes).ToHashSet();

    private static ReadOnlySpan<byte> EndOfImage => [0xFF, 0xD9];

    public static InspectedPage Inspect(ReadOnlyMemory<byte> bytes)
    {
        var (segments, scanStart) = ReadHeaders(bytes);
        // Entropy-coded data cannot hold FF D9 (an FF in it is stuffed), so an end-of-image marker anywhere
        // after the scan starts means the file was not cut short; what follows it is tolerated, as readers do.
        if (bytes.Span[scanStart..].LastIndexOf(EndOfImage) < 0)
        {
            throw Rejections.Scan("corrupt", "JPEG ends before its end-of-image marker (truncated)");
        }
        IReadOnlyList<MetadataExtractor.Directory> directories;
        try
        {
            directories = JpegMetadataReader.ProcessJpegSegments(Readers, segments);
        }
        catch (Exception error) when (error is ImageProcessingException or IOException or MetadataException)
        {
            throw Rejections.Scan("corrupt", "JPEG headers cannot be read");
        }
        var frame = directories.OfType<JpegDirectory>().FirstOrDefault()
            ?? throw Rejections.Scan("corrupt", "JPEG scan starts before a frame header");
        if (!frame.TryGetInt32(JpegDirectory.TagImageWidth, out var width) || !frame.TryGetInt32(JpegDirectory.TagImageHeight, out var height)
            || width <= 0 || height <= 0)
        {
            throw Rejections.Scan("corrupt", "JPEG frame of zero pixels");
        }
        var exif = directories.OfType<ExifIfd0Directory>().FirstOrDefault();
        var orientation = exif is not null && exif.TryGetInt32(ExifDirectoryBase.TagOrientation, out var value) && value is >= 1 and <= 8 ? value : 1;
        return PageGeometry.ImagePage(width, height, JfifDpi(directories) ?? ExifDpi(exif), orientation);
    }

    /// <summary>The segments before the first scan, and where the scan starts; refuses headers cut short or a file with no scan.</summary>
    private static (List<JpegSegment> Segments, int ScanStart) ReadHeaders(ReadOnlyMemory<byte> bytes)
    {
        using var stream = ScanBytes.Stream(bytes);
        var reader = new SequentialStreamReader(stream);
        List<JpegSegment> segments;
        try
        {
            segments = JpegSegmentReader.ReadSegments(reader, Wanted).ToList();
        }
        catch (Exception error) when (error is ImageProcessingException or IOException)
        {
            throw Rejections.Scan("corrupt", "JPEG ends inside its headers");
        }
        // The walk stops just past the marker that ends the headers: start of scan (DA) or, wrongly, end of image (D9).
        var stop = (int)reader.Position;
        if (stop < 4 || bytes.Span[stop - 1] != 0xDA)
        {
            throw Rejections.Scan("corrupt", "JPEG has no image scan");
        }
        return (segments, stop);
    }

    private static double? JfifDpi(IEnumerable<MetadataExtractor.Directory> directories)
    {
        var jfif = directories.OfType<JfifDirectory>().FirstOrDefault();
        if (jfif is null || !jfif.TryGetInt32(JfifDirectory.TagUnits, out var units) || !jfif.TryGetInt32(JfifDirectory.TagResX, out var density))
        {
            return null;
        }
        return PageGeometry.Dpi(density, units switch { 1 => ResolutionUnit.Inch, 2 => ResolutionUnit.Centimetre, _ => ResolutionUnit.None });
    }

    private static double? ExifDpi(ExifIfd0Directory? exif)
    {
        if (exif is null || !exif.TryGetRational(ExifDirectoryBase.TagXResolution, out var resolution))
        {
            return null;
        }
        // EXIF's unit: 2 inch (the default), 3 centimetre; 1 none.
        var unit = exif.TryGetInt32(ExifDirectoryBase.TagResolutionUnit, out var code) ? code : 2;
        return PageGeometry.Dpi(resolution.ToDouble(), unit switch { 2 => ResolutionUnit.Inch, 3 => ResolutionUnit.Centimetre, _ => ResolutionUnit.None });
    }
}
