using System.Globalization;

namespace Etransactions.TestSupport.Scans;

/// <summary>Renders every page of a PDF with poppler's pdftoppm, as a scanner sees the paper: one image a page.</summary>
public static class Rasterizer
{
    public enum Format
    {
        Png,
        Jpeg,
        GreyPng,
    }

    public static async Task<IReadOnlyList<byte[]>> RenderAsync(byte[] pdf, Format format, int dpi)
    {
        var dir = Directory.CreateTempSubdirectory("scan-");
        try
        {
            var input = Path.Combine(dir.FullName, "in.pdf");
            await File.WriteAllBytesAsync(input, pdf);
            string[] options = format switch
            {
                Format.Jpeg => ["-jpeg"],
                Format.GreyPng => ["-png", "-gray"],
                _ => ["-png"],
            };
            var result = await ExternalTool.RunAsync("pdftoppm", ["-r", dpi.ToString(CultureInfo.InvariantCulture), .. options, input, Path.Combine(dir.FullName, "page")]);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"pdftoppm failed ({result.ExitCode}): {result.Stderr}");
            }
            var files = dir.GetFiles("page*").Select(file => file.FullName).Order(StringComparer.Ordinal).ToList();
            var pages = new List<byte[]>(files.Count);
            foreach (var file in files)
            {
                pages.Add(await File.ReadAllBytesAsync(file));
            }
            return pages;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
