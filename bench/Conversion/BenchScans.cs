using Etransactions.TestSupport.Scans;

namespace Etransactions.Bench.Conversion;

/// <summary>The degraded scans of the benchmark, as files, and the text they were rendered from.</summary>
/// <param name="Files">The scan of each size, by page count.</param>
internal sealed record BenchScans(IReadOnlyDictionary<int, string> Files)
{
    public static async Task<BenchScans> MakeAsync(string folder, IEnumerable<int> pageCounts)
    {
        var files = new Dictionary<int, string>();
        foreach (var pages in pageCounts)
        {
            var path = Path.Combine(folder, $"scan-{pages}.pdf");
            await File.WriteAllBytesAsync(path, await DegradedScans.PdfAsync(pages));
            files[pages] = path;
        }
        return new BenchScans(files);
    }

    /// <summary>The known text of the first <paramref name="pages"/> pages, a line a line.</summary>
    public static IReadOnlyList<string> KnownText(int pages) =>
        [.. Enumerable.Range(0, pages).Select(index => string.Join('\n', SampleText.PageLines(index)))];

    /// <summary>What was done to the pages, as ranges: "100-200 dpi, skew 1.0-2.0°, …".</summary>
    public static string DescribeDamage(int pages)
    {
        var damage = Enumerable.Range(0, pages).Select(index => DegradedScans.DamageOf(index)).ToList();
        return FormattableString.Invariant(
            $"{damage.Min(d => d.Dpi)}-{damage.Max(d => d.Dpi)} dpi, skew {damage.Min(d => Math.Abs(d.SkewDegrees)):0.00}-{damage.Max(d => Math.Abs(d.SkewDegrees)):0.00}° either way, ")
            + FormattableString.Invariant(
            $"blur σ {damage.Min(d => d.BlurSigma):0.00}-{damage.Max(d => d.BlurSigma):0.00} px, speckle σ {damage.Max(d => d.SpeckleSigma):0.00}, ")
            + FormattableString.Invariant($"JPEG quality {damage.Min(d => d.JpegQuality)}-{damage.Max(d => d.JpegQuality)}, seed {DegradedScans.Seed}");
    }
}
