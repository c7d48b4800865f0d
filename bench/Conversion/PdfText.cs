using System.Globalization;
using Etransactions.TestSupport;

namespace Etransactions.Bench.Conversion;

/// <summary>The text a reader gets out of a PDF, page by page, with poppler's pdftotext.</summary>
internal static class PdfText
{
    /// <summary>Every page's text (pdftotext ends each page with a form feed).</summary>
    public static async Task<IReadOnlyList<string>> PagesAsync(string pdf)
    {
        var text = await RunAsync([pdf, "-"]);
        var pages = text.Split('\f');
        return pages[..^1];
    }

    /// <summary>
    /// The pages of a data message without its symbol block: the band the app adds below the first page's
    /// content holds the symbol, the converter and the code, which are not the scan's text. The first page is
    /// cut to the scan's own page, <paramref name="firstPageWidthPt"/> by <paramref name="firstPageHeightPt"/>
    /// from its top left.
    /// </summary>
    public static async Task<IReadOnlyList<string>> DataMessagePagesAsync(string pdf, double firstPageWidthPt, double firstPageHeightPt)
    {
        var pages = (await PagesAsync(pdf)).ToArray();
        var first = await RunAsync(
            ["-f", "1", "-l", "1", "-r", "72", "-x", "0", "-y", "0", "-W", Whole(firstPageWidthPt), "-H", Whole(firstPageHeightPt), pdf, "-"]);
        pages[0] = first.Split('\f')[0];
        return pages;
    }

    private static string Whole(double points) => ((int)Math.Floor(points)).ToString(CultureInfo.InvariantCulture);

    private static async Task<string> RunAsync(IEnumerable<string> arguments)
    {
        var result = await ExternalTool.RunAsync("pdftotext", ["-enc", "UTF-8", .. arguments]);
        return result.ExitCode == 0 ? result.Stdout : throw new InvalidOperationException($"pdftotext failed ({result.ExitCode}): {result.Stderr}");
    }
}
