using System.IO.Compression;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace Etransactions.Functions.Conversion.Documents.Inspection;

/// <summary>
/// PdfPig's filters, with every Flate stream it inflates while listing pages (content, object and
/// cross-reference streams, fonts) first measured against a limit: a PDF whose few kilobytes of content
/// inflate to gigabytes (a decompression bomb) is refused before it costs memory. Image streams are
/// never decoded by the inspection, so scans are measured only on what PdfPig parses.
/// </summary>
internal sealed class InflateLimit(IFilterProvider inner, long maxInflatedBytes) : IFilterProvider
{
    /// <summary>More than any page's content or font needs; a scan's content streams are kilobytes.</summary>
    public const long DefaultMaxInflatedBytes = 128L * 1024 * 1024;

    public static InflateLimit Default { get; } = new(DefaultFilterProvider.Instance, DefaultMaxInflatedBytes);

    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => Wrap(inner.GetFilters(dictionary));

    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => Wrap(inner.GetNamedFilters(names));

    public IReadOnlyList<IFilter> GetAllFilters() => Wrap(inner.GetAllFilters());

    private List<IFilter> Wrap(IReadOnlyList<IFilter> filters) =>
        filters.Select(filter => filter is FlateFilter ? new Measured(filter, maxInflatedBytes) : filter).ToList();

    private sealed class Measured(IFilter flate, long maxInflatedBytes) : IFilter
    {
        public bool IsSupported => flate.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            if (InflatedLength(input, maxInflatedBytes + 1) > maxInflatedBytes)
            {
                throw Rejections.Scan("too-large", $"a compressed PDF stream inflates to more than {maxInflatedBytes / (1024 * 1024)} MB");
            }
            return flate.Decode(input, streamDictionary, filterProvider, filterIndex);
        }

        /// <summary>How many bytes the stream inflates to, counted up to <paramref name="stopAt"/> and thrown away; damage ends the count.</summary>
        private static long InflatedLength(Memory<byte> input, long stopAt)
        {
            // The first two bytes are the zlib header, which DeflateStream does not read (PdfPig skips them too).
            if (input.Length < 2)
            {
                return 0;
            }
            using var compressed = ScanBytes.Stream(input[2..]);
            using var deflate = new DeflateStream(compressed, CompressionMode.Decompress);
            var buffer = new byte[64 * 1024];
            var total = 0L;
            try
            {
                int read;
                while (total < stopAt && (read = deflate.Read(buffer)) > 0)
                {
                    total += read;
                }
            }
            catch (InvalidDataException)
            {
                // Damaged data: PdfPig salvages what it can, which is no more than what was counted.
            }
            return total;
        }
    }
}
