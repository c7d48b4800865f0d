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

    /// <summary>The text of the QR code on page 1, as zbarimg reads it from a 200 dpi render.</summary>
    public static async Task<string> QrAsync(byte[] pdf)
    {
        var image = Path.Combine(Path.GetTempPath(), $"etransactions-qr-{Guid.NewGuid():N}");
        await ExternalTool.RunAsync("pdftoppm", ["-r", "200", "-f", "1", "-l", "1", "-png", "-singlefile", await FileAsync(pdf), image]);
        var read = await ExternalTool.RunAsync("zbarimg", ["--raw", "-q", "-Sbinary", image + ".png"]);
        return read.Stdout;
    }
}
