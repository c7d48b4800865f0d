using System.Formats.Asn1;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Etransactions.IntegrationTests.Support;
using Etransactions.TestSupport;

namespace Etransactions.IntegrationTests.Signing;

/// <summary>What a verifier sees of a signed PDF, through the tools one would use: pdfsig, qpdf, pdftotext, openssl.</summary>
internal static partial class SignedPdfChecks
{
    /// <summary>pdfsig's report (it exits 0 whatever it finds: the verdict is in the text).</summary>
    public static Task<string> PdfsigAsync(byte[] pdf) => OnFileAsync(pdf, async path => (await RunAsync("pdfsig", [path])).Stdout);

    public static Task<string> PdftotextAsync(byte[] pdf) => OnFileAsync(pdf, async path => (await RunAsync("pdftotext", [path, "-"])).Stdout);

    /// <summary>qpdf --check's exit code (0: no syntax or stream encoding error) and what it said.</summary>
    public static Task<ExternalTool.Result> QpdfCheckAsync(byte[] pdf) => OnFileAsync(pdf, path => RunAsync("qpdf", ["--check", path]));

    /// <summary>The PDF with its Flate streams re-encoded by qpdf: compressed, and correctly so.</summary>
    public static Task<byte[]> RecompressedAsync(byte[] pdf) => OnFileAsync(pdf, async path =>
    {
        var output = path + ".recompressed.pdf";
        // Exit code 3: qpdf warned about the input's faulty streams, and wrote them out right.
        var result = await RunAsync("qpdf", ["--recompress-flate", "--compress-streams=y", path, output]);
        Assert.True(result.ExitCode is 0 or 3, result.Stderr);
        return await File.ReadAllBytesAsync(output);
    });

    /// <summary>The signature dictionary (/Type /Sig) as qpdf reads it: text strings as "u:" and their text.</summary>
    public static Task<JsonObject> SignatureDictionaryAsync(byte[] pdf) => OnFileAsync(pdf, async path =>
    {
        var result = await RunAsync("qpdf", ["--json=2", "--json-key=qpdf", path]);
        var objects = JsonNode.Parse(result.Stdout)!["qpdf"]![1]!.AsObject();
        return Assert.Single(objects.Select(pair => pair.Value?["value"]).OfType<JsonObject>(),
            value => value["/Type"]?.GetValue<string>() == "/Sig");
    });

    /// <summary>The CMS in /Contents, without the zeros that pad it to the reserved size.</summary>
    public static async Task<byte[]> CmsAsync(byte[] pdf)
    {
        var contents = (await SignatureDictionaryAsync(pdf))["/Contents"]!.GetValue<string>();
        var bytes = Convert.FromHexString(contents["b:".Length..]);
        AsnDecoder.ReadEncodedValue(bytes, AsnEncodingRules.BER, out _, out _, out var length);
        return bytes[..length];
    }

    /// <summary><c>openssl cms -cmsout -print</c> of the CMS: its structure and attributes, as text.</summary>
    public static async Task<string> OpensslPrintAsync(byte[] cms)
    {
        var result = await RunAsync("openssl", ["cms", "-cmsout", "-print", "-inform", "DER"], cms);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return result.Stdout;
    }

    /// <summary>The file with one bit changed in the middle of the first signed byte range.</summary>
    public static byte[] FlipOneBit(byte[] pdf)
    {
        var match = ByteRange().Match(System.Text.Encoding.Latin1.GetString(pdf));
        Assert.True(match.Success, "no /ByteRange in the file");
        var copy = (byte[])pdf.Clone();
        copy[int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) / 2] ^= 0x01;
        return copy;
    }

    private static Task<ExternalTool.Result> RunAsync(string tool, string[] arguments, byte[]? stdin = null) =>
        ExternalTool.RunAsync(tool, arguments, stdin);

    private static async Task<T> OnFileAsync<T>(byte[] pdf, Func<string, Task<T>> use)
    {
        var folder = TempFolder.Create("signed-pdf");
        try
        {
            var path = Path.Combine(folder, "document.pdf");
            await File.WriteAllBytesAsync(path, pdf);
            return await use(path);
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    [GeneratedRegex(@"/ByteRange\s*\[\s*0\s+(\d+)")]
    private static partial Regex ByteRange();
}
