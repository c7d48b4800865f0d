namespace Etransactions.TestSupport.Scans;

/// <summary>
/// Scans of <see cref="SampleText"/> as real scanners make them: each page of the paper rendered by pdftoppm
/// at its own resolution, then damaged (<see cref="ScanDamage"/>, <see cref="ScanImages.Degraded"/>), and the
/// JPEG pages put in a PDF, one a page, sized to their resolution. The damage is drawn page by page from a
/// generator seeded with the seed and the page number: every run makes the same scan, and the first n pages
/// of a longer scan are the scan of n pages. Clean renders read without a single error by every OCR, so
/// they cannot tell two pipelines apart; these can.
/// </summary>
public static class DegradedScans
{
    public const int Seed = 137;

    /// <summary>The damage done to page <paramref name="index"/> (from 0).</summary>
    public static ScanDamage DamageOf(int index, int seed = Seed) => ScanDamage.Draw(PageRandom(index, seed));

    /// <summary>A PDF of <paramref name="pageCount"/> damaged pages, no text.</summary>
    public static async Task<byte[]> PdfAsync(int pageCount, int seed = Seed)
    {
        var pages = new List<(byte[] Jpeg, int Dpi)>(pageCount);
        for (var index = 0; index < pageCount; index++)
        {
            var random = PageRandom(index, seed);
            var damage = ScanDamage.Draw(random);
            var paper = PaperPdf.Build([SampleText.PageLines(index)]);
            var png = (await Rasterizer.RenderAsync(paper, Rasterizer.Format.GreyPng, damage.Dpi))[0];
            pages.Add((ScanImages.Degraded(png, damage, random), damage.Dpi));
        }
        return ImagePdf.Build(pages);
    }

    // System.Random with a seed gives the same sequence on every run.
    private static Random PageRandom(int index, int seed) => new(unchecked((seed * 1_000_003) + index));
}
