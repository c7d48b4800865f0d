namespace Etransactions.TestSupport.Scans;

/// <summary>qpdf on bytes in a temporary folder: encryption, and rewriting a PDF's structure.</summary>
public static class PdfTools
{
    /// <summary>The PDF encrypted with AES-256 (user password "mat-khau", owner "chu-so-huu").</summary>
    public static Task<byte[]> EncryptAsync(byte[] pdf) => QpdfAsync(pdf, "--encrypt", "mat-khau", "chu-so-huu", "256", "--");

    /// <summary>qpdf with <paramref name="options"/> from the PDF to a new one; exit 3 (warnings) is accepted.</summary>
    public static async Task<byte[]> QpdfAsync(byte[] pdf, params string[] options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var dir = Directory.CreateTempSubdirectory("qpdf-");
        try
        {
            var input = Path.Combine(dir.FullName, "in.pdf");
            var output = Path.Combine(dir.FullName, "out.pdf");
            await File.WriteAllBytesAsync(input, pdf);
            var result = await ExternalTool.RunAsync("qpdf", [.. options, input, output]);
            if (result.ExitCode is not (0 or 3))
            {
                throw new InvalidOperationException($"qpdf failed ({result.ExitCode}): {result.Stderr}");
            }
            return await File.ReadAllBytesAsync(output);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
