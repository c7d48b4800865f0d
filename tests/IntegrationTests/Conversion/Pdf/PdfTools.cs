using System.Globalization;
using System.Text.RegularExpressions;
using Etransactions.IntegrationTests.Support;
using Etransactions.TestSupport;

namespace Etransactions.IntegrationTests.Conversion.Pdf;

/// <summary>What poppler, qpdf, zbar and tesseract say of a PDF, as a reader, a checker or a phone would.</summary>
internal static partial class PdfTools
{
    /// <summary>The text pdftotext extracts (one page, or all), runs of white space collapsed as a search treats them.</summary>
    public static async Task<string> SearchableTextAsync(byte[] pdf, int? page = null) =>
        WhiteSpace().Replace(await TextAsync(pdf, page), " ");

    public static Task<string> TextAsync(byte[] pdf, int? page = null) =>
        WithFileAsync(pdf, async (path, _) =>
        {
            string[] range = page is null ? [] : ["-f", $"{page}", "-l", $"{page}"];
            return (await RunAsync("pdftotext", [.. range, path, "-"])).Stdout;
        });

    /// <summary>pdfinfo's fields ("Pages", "Title", "Page rot"…).</summary>
    public static Task<Dictionary<string, string>> InfoAsync(byte[] pdf) =>
        WithFileAsync(pdf, async (path, _) => Fields((await RunAsync("pdfinfo", ["-isodates", path])).Stdout));

    /// <summary>Each page's displayed size in points, from pdfinfo.</summary>
    public static Task<List<(double Width, double Height)>> PageSizesAsync(byte[] pdf) =>
        WithFileAsync(pdf, async (path, _) =>
        {
            var output = (await RunAsync("pdfinfo", ["-f", "1", "-l", "9999", path])).Stdout;
            return PageSize().Matches(output)
                .Select(match => (double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)))
                .ToList();
        });

    /// <summary>The QR codes zbarimg reads from a page rendered at 200 dpi, as a phone would from a print.</summary>
    public static Task<List<string>> QrCodesAsync(byte[] pdf, int page = 1) =>
        WithFileAsync<List<string>>(pdf, async (path, folder) =>
        {
            var image = await RenderAsync(path, folder, page, 200);
            var result = await ExternalTool.RunAsync("zbarimg", ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", image]);
            // zbarimg exits 4 when it finds no symbol.
            return result.ExitCode == 4 ? [] : [Check("zbarimg", result).Stdout.TrimEnd('\n')];
        });

    /// <summary>qpdf --check: its exit code (0 clean, 2 errors, 3 warnings) and what it printed.</summary>
    public static Task<ExternalTool.Result> QpdfCheckAsync(byte[] pdf) =>
        WithFileAsync(pdf, (path, _) => ExternalTool.RunAsync("qpdf", ["--check", path]));

    /// <summary>What tesseract reads from a page rendered at <paramref name="dpi"/>, optionally only a band of it (in points from the top).</summary>
    public static Task<string> OcrAsync(byte[] pdf, int page, int dpi, (double Top, double Height)? band = null) =>
        WithFileAsync(pdf, async (path, folder) =>
        {
            var image = await RenderAsync(path, folder, page, dpi, band);
            return Check("tesseract", await ExternalTool.RunAsync("tesseract", [image, "-", "-l", "vie"])).Stdout;
        });

    private static async Task<string> RenderAsync(string path, string folder, int page, int dpi, (double Top, double Height)? band = null)
    {
        string[] crop = band is { } b ? ["-y", Pixels(b.Top, dpi), "-H", Pixels(b.Height, dpi), "-W", "100000"] : [];
        await RunAsync("pdftoppm", ["-r", $"{dpi}", "-png", "-f", $"{page}", "-l", $"{page}", "-singlefile", .. crop, path, Path.Combine(folder, "page")]);
        return Path.Combine(folder, "page.png");
    }

    private static string Pixels(double points, int dpi) => ((int)Math.Round(points * dpi / 72)).ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Fields(string output) =>
        output.Split('\n').Select(line => line.Split(':', 2)).Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0].Trim()).ToDictionary(group => group.Key, group => group.First()[1].Trim());

    private static async Task<ExternalTool.Result> RunAsync(string tool, string[] arguments) => Check(tool, await ExternalTool.RunAsync(tool, arguments));

    private static ExternalTool.Result Check(string tool, ExternalTool.Result result) =>
        result.ExitCode == 0 ? result : throw new InvalidOperationException($"{tool} exited {result.ExitCode}: {result.Stderr}");

    private static async Task<T> WithFileAsync<T>(byte[] pdf, Func<string, string, Task<T>> use)
    {
        var folder = TempFolder.Create("pdf-check");
        try
        {
            var path = Path.Combine(folder, "document.pdf");
            await File.WriteAllBytesAsync(path, pdf);
            return await use(path, folder);
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)")]
    private static partial Regex PageSize();
}
