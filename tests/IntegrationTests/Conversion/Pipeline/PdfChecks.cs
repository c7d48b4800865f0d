using Etransactions.TestSupport;

namespace Etransactions.IntegrationTests.Conversion.Pipeline;

/// <summary>What a reader's tools make of a downloaded data message: pdftotext, zbarimg on a 200 dpi render.</summary>
public static class PdfChecks
{
    /// <summary>The PDF written to a temporary file, for the tools that read files.</summary>
    public static async Task<string> FileAsync(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"etransactions-check-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        return path;
    }

    public static async Task<string> TextAsync(byte[] pdf) => (await ExternalTool.RunAsync("pdftotext", [await FileAsync(pdf), "-"])).Stdout;

    /// <summary>The text of one page (from 1), white space made single spaces, as a reader searches it.</summary>
    public static async Task<string> PageTextAsync(byte[] pdf, int page)
    {
        var number = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var text = (await ExternalTool.RunAsync("pdftotext", ["-f", number, "-l", number, await FileAsync(pdf), "-"])).Stdout;
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>pdfinfo's report: "Pages:", "Page size:" and the rest.</summary>
    public static async Task<string> InfoAsync(byte[] pdf) => (await ExternalTool.RunAsync("pdfinfo", [await FileAsync(pdf)])).Stdout;

    /// <summary>The XMP metadata packet as pdfinfo reads it.</summary>
    public static async Task<string> XmpAsync(byte[] pdf) => (await ExternalTool.RunAsync("pdfinfo", ["-meta", await FileAsync(pdf)])).Stdout;

    /// <summary>The text of the QR code on page 1, as zbarimg reads it from a 200 dpi render.</summary>
    public static async Task<string> QrAsync(byte[] pdf)
    {
        var image = Path.Combine(Path.GetTempPath(), $"etransactions-qr-{Guid.NewGuid():N}");
        await ExternalTool.RunAsync("pdftoppm", ["-r", "200", "-f", "1", "-l", "1", "-png", "-singlefile", await FileAsync(pdf), image]);
        var read = await ExternalTool.RunAsync("zbarimg", ["--raw", "-q", "-Sbinary", image + ".png"]);
        return read.Stdout;
    }

    /// <summary>The QR code in the top-left square of page 1 (<paramref name="side"/> points a side), from a 200 dpi render of that square alone.</summary>
    public static async Task<string> TopLeftQrAsync(byte[] pdf, double side)
    {
        var image = Path.Combine(Path.GetTempPath(), $"etransactions-qr-{Guid.NewGuid():N}");
        var pixels = ((int)Math.Ceiling(side / 72 * 200)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await ExternalTool.RunAsync("pdftoppm", ["-r", "200", "-f", "1", "-l", "1", "-x", "0", "-y", "0", "-W", pixels, "-H", pixels, "-png", "-singlefile", await FileAsync(pdf), image]);
        return (await ExternalTool.RunAsync("zbarimg", ["--raw", "-q", "-Sbinary", image + ".png"])).Stdout;
    }
}
