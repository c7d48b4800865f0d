using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Etransactions.Functions.Conversion.Documents.Inspection;

/// <summary>
/// Decides from headers alone, before anything is decoded, whether a scan can be converted: its bytes are
/// what its extension says, whole (not truncated or corrupt), not encrypted, and within the size, page and
/// pixel limits. A scan that fails throws <see cref="ScanRejectedException"/> with the reason; one that
/// passes is returned with the geometry of every page. Stateless: one instance (a singleton) serves every upload.
/// </summary>
public sealed partial class ScanInspector(ILogger<ScanInspector>? logger = null)
{
    private static readonly Dictionary<string, ScanKind> KindByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pdf"] = ScanKind.Pdf,
        ["png"] = ScanKind.Png,
        ["jpg"] = ScanKind.Jpeg,
        ["jpeg"] = ScanKind.Jpeg,
        ["tif"] = ScanKind.Tiff,
        ["tiff"] = ScanKind.Tiff,
    };

    /// <summary>The kind of scan a file name's extension ("pdf", ".JPG") promises, or null when it is not one the app converts.</summary>
    public static ScanKind? KindOfExtension(string extension) =>
        KindByExtension.TryGetValue(Bare(extension), out var kind) ? kind : null;

    /// <summary>
    /// Refuses an upload whose declared length (the blob's Content-Length) is over the limit, before a byte of
    /// it is read. Throws <see cref="ScanRejectedException"/> with code <c>too-large</c>.
    /// </summary>
    public static void CheckDeclaredSize(long contentLength, ScanLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (contentLength > limits.MaxBytes)
        {
            throw Rejections.Scan("too-large", Invariant($"{contentLength} bytes, limit {limits.MaxBytes}"));
        }
    }

    /// <summary>
    /// Inspects a scan's bytes as the kind its extension names. Throws <see cref="ScanRejectedException"/>
    /// with one of the codes unsupported-type, empty, too-large, type-mismatch, corrupt, encrypted,
    /// too-many-pages, too-many-pixels; returns the pages as displayed otherwise.
    /// </summary>
    public InspectedScan Inspect(ReadOnlyMemory<byte> bytes, string extension, ScanLimits limits)
    {
        ArgumentNullException.ThrowIfNull(extension);
        ArgumentNullException.ThrowIfNull(limits);
        var started = Stopwatch.GetTimestamp();
        var expected = KindOfExtension(extension) ?? throw Rejections.Scan("unsupported-type", $".{Bare(extension)}");
        if (bytes.IsEmpty)
        {
            throw Rejections.Scan("empty", "0 bytes");
        }
        CheckDeclaredSize(bytes.Length, limits);
        var actual = ScanContent.Sniff(bytes.Span);
        if (actual != expected)
        {
            throw Rejections.Scan("type-mismatch", $".{Bare(extension)} but the content is {ScanContent.Name(actual)}");
        }
        IReadOnlyList<InspectedPage> pages = expected switch
        {
            ScanKind.Png => [PngInspector.Inspect(bytes)],
            ScanKind.Jpeg => [JpegInspector.Inspect(bytes)],
            ScanKind.Tiff => TiffInspector.Inspect(bytes, limits),
            _ => PdfInspector.Inspect(bytes, limits),
        };
        if (pages.Count == 0)
        {
            throw Rejections.Scan("empty", "no pages");
        }
        CheckPixels(pages, limits);
        if (logger is not null)
        {
            Inspected(logger, expected, pages.Count, bytes.Length, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return new InspectedScan(expected, pages, bytes.Length);
    }

    /// <summary>The rejection of a document with more pages than allowed; <paramref name="count"/> may read "more than 500".</summary>
    internal static ScanRejectedException TooManyPages(string count, ScanLimits limits) =>
        Rejections.Scan("too-many-pages", Invariant($"{count} pages, limit {limits.MaxPages}"));

    private static void CheckPixels(IReadOnlyList<InspectedPage> pages, ScanLimits limits)
    {
        for (var index = 0; index < pages.Count; index++)
        {
            var page = pages[index];
            var pixels = (long)page.WidthPx * page.HeightPx;
            if (pixels > limits.MaxPixelsPerPage)
            {
                throw Rejections.Scan(
                    "too-many-pixels",
                    Invariant($"page {index + 1}: {page.WidthPx} x {page.HeightPx} = {pixels} pixels, limit {limits.MaxPixelsPerPage}"));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Inspected a {Kind} scan of {PageCount} pages and {ByteLength} bytes in {Milliseconds} ms")]
    private static partial void Inspected(ILogger logger, ScanKind kind, int pageCount, long byteLength, double milliseconds);

    private static string Bare(string extension) => extension.StartsWith('.') ? extension[1..] : extension;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
