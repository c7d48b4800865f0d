using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Etransactions.TestSupport;
using Etransactions.TestSupport.Scans;

namespace Etransactions.IntegrationTests.Conversion.Pipeline;

/// <summary>The bar a user runs: a scan uploaded with a Vietnamese name and sign=true becomes a data message they can find, read, verify and scan.</summary>
[Collection(ConversionTests.Name)]
public sealed class ConvertScanTests(SharedConversionApp shared)
{
    private const string Converter = "Sở Tư pháp tỉnh Bắc Ninh";
    private readonly ConversionApp _conversion = shared.App;
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignedPngScan_BecomesADataMessageFoundByItsCode()
    {
        var agency = ConversionApp.NewAgency();
        var upload = await TestScans.PngAsync();
        var blob = await _conversion.UploadAsync(agency, "2026/giay-xac-nhan.png", upload,
            new Dictionary<string, string> { ["converter"] = Converter, ["sign"] = "true" });

        var status = await _conversion.SettledAsync(blob);

        Assert.Equal(("converted", blob, 1), (status["status"]!.GetValue<string>(), status["blob"]!.GetValue<string>(), status["attempts"]!.GetValue<int>()));
        var code = status["lookupCode"]!.GetValue<string>();
        Assert.Matches("^[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}$", code);
        var message = await _conversion.App.Http.GetFromJsonAsync<JsonObject>(new Uri($"api/data-messages/{code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal)}", UriKind.Relative), Cancellation);
        Assert.Equal("etransactions.data-message-manifest/1", message!["schema"]!.GetValue<string>());
        Assert.Equal(Converter, message["converter"]!.GetValue<string>());
        Assert.Equal(agency, message["agencyCode"]!.GetValue<string>());
        Assert.Equal("png", message["source"]!["kind"]!.GetValue<string>());
        Assert.Equal("tesseract", message["ocr"]!["engine"]!.GetValue<string>());
        Assert.Equal("ocr", message["pages"]![0]!["text"]!.GetValue<string>());
        Assert.False(message["signature"]!["requiredByPurpose"]!.GetValue<bool>());
        Assert.Null(message["text"]);
        Assert.True(message["textLength"]!.GetValue<int>() > 100);
        var messageId = status["messageId"]!.GetValue<string>();
        Assert.Equal(messageId, message["messageId"]!.GetValue<string>());
        Assert.Equal((blob, Convert.ToHexStringLower(SHA256.HashData(upload)), upload.LongLength),
            (message["source"]!["path"]!.GetValue<string>(), message["source"]!["sha256"]!.GetValue<string>(), message["source"]!["bytes"]!.GetValue<long>()));
        Assert.Equal(($"data-messages/{agency}/{messageId}.pdf", 1), (message["output"]!["path"]!.GetValue<string>(), message["output"]!["pageCount"]!.GetValue<int>()));
        Assert.EndsWith("+07:00", message["convertedAt"]!["local"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("vie+eng", message["ocr"]!["language"]!.GetValue<string>());
        Assert.InRange(message["ocr"]!["meanConfidence"]!.GetValue<double>(), 0.8, 1);

        var pdf = await _conversion.App.Http.GetByteArrayAsync(new Uri(message["links"]!["pdf"]!.GetValue<string>()), Cancellation);
        Assert.Equal(message["output"]!["sha256"]!.GetValue<string>(), Convert.ToHexStringLower(SHA256.HashData(pdf)));
        Assert.Equal(pdf, await _conversion.StoredAsync($"{agency}/{messageId}.pdf"));
        var full = await _conversion.App.Http.GetFromJsonAsync<JsonObject>(new Uri(message["links"]!["manifest"]!.GetValue<string>()), Cancellation);
        Assert.Contains("Nguyễn Văn Đức", full!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var text = (await PdfChecks.TextAsync(pdf)).Normalize(System.Text.NormalizationForm.FormC);
        Assert.All(SampleText.Words[0], word => Assert.Contains(word, text, StringComparison.Ordinal));
        Assert.Contains(Converter, text, StringComparison.Ordinal);
        Assert.Contains("Thông điệp dữ liệu được chuyển đổi từ văn bản giấy".ToUpper(new System.Globalization.CultureInfo("vi-VN")), text, StringComparison.Ordinal);
        var signature = await ExternalTool.RunAsync("pdfsig", [await PdfChecks.FileAsync(pdf)]);
        Assert.Contains("Signature is Valid.", signature.Stdout, StringComparison.Ordinal);
        Assert.Contains("Total document signed", signature.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, (await ExternalTool.RunAsync("qpdf", ["--check", await PdfChecks.FileAsync(pdf)])).ExitCode);
        var qr = await PdfChecks.QrAsync(pdf);
        Assert.StartsWith("DM137/1\n", qr, StringComparison.Ordinal);
        Assert.Contains($"C={code}\n", qr, StringComparison.Ordinal);
        Assert.Contains($"N={Converter}\n", qr, StringComparison.Ordinal);
        Assert.Contains($"U=http://127.0.0.1:7071/verify/{code}", qr, StringComparison.Ordinal);
        Assert.Equal(message["qr"]!["payload"]!.GetValue<string>(), qr.TrimEnd('\n'));
        // The upload is left exactly as it was.
        var original = _conversion.Scans.GetBlobClient($"{agency}/2026/giay-xac-nhan.png");
        Assert.Equal(upload, (await original.DownloadContentAsync(Cancellation)).Value.Content.ToArray());
        Assert.Equal(Uri.EscapeDataString(Converter), (await original.GetPropertiesAsync(cancellationToken: Cancellation)).Value.Metadata["converter"]);
    }

    [Fact]
    public async Task CertificationPurpose_IsSignedEvenWhenSignIsFalse()
    {
        var blob = await _conversion.UploadAsync(ConversionApp.NewAgency(), "ban-sao.jpg", await TestScans.JpegAsync(),
            new Dictionary<string, string> { ["converter"] = Converter, ["purpose"] = "certification", ["sign"] = "false", ["qr"] = "false" });

        var status = await _conversion.SettledAsync(blob);
        var message = await _conversion.App.Http.GetFromJsonAsync<JsonObject>(status["links"]!["dataMessage"]!.GetValue<string>(), Cancellation);

        Assert.True(message!["signature"]!["requiredByPurpose"]!.GetValue<bool>());
        Assert.Null(message["qr"]);
        var pdf = await _conversion.App.Http.GetByteArrayAsync(message["links"]!["pdf"]!.GetValue<string>(), Cancellation);
        Assert.Contains("Signature is Valid.", (await ExternalTool.RunAsync("pdfsig", [await PdfChecks.FileAsync(pdf)])).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TextPdf_KeepsItsOwnTextAndIsNotReadAgain()
    {
        var blob = await _conversion.UploadAsync(ConversionApp.NewAgency(), "van-ban.pdf", TestScans.TextPdf(2),
            new Dictionary<string, string> { ["converter"] = Converter });

        var status = await _conversion.SettledAsync(blob);
        var message = await _conversion.App.Http.GetFromJsonAsync<JsonObject>(status["links"]!["dataMessage"]!.GetValue<string>(), Cancellation);

        Assert.Equal("none", message!["ocr"]!["engine"]!.GetValue<string>());
        Assert.All(message["pages"]!.AsArray(), page => Assert.Equal("pdf", page!["text"]!.GetValue<string>()));
        var text = await PdfChecks.TextAsync(await _conversion.App.Http.GetByteArrayAsync(message["links"]!["pdf"]!.GetValue<string>(), Cancellation));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "Độc lập - Tự do - Hạnh phúc"));
    }

    [Fact]
    public async Task SidewaysPhoneJpeg_BecomesAnUprightPage()
    {
        var blob = await _conversion.UploadAsync(ConversionApp.NewAgency(), "anh-chup.jpg", await TestScans.RotatedJpegAsync(),
            new Dictionary<string, string> { ["converter"] = Converter, ["language"] = "vie" });

        var status = await _conversion.SettledAsync(blob);
        var pdf = await _conversion.App.Http.GetByteArrayAsync(status["links"]!["pdf"]!.GetValue<string>(), Cancellation);

        var info = (await ExternalTool.RunAsync("pdfinfo", [await PdfChecks.FileAsync(pdf)])).Stdout;
        var size = System.Text.RegularExpressions.Regex.Match(info, @"Page size:\s+([\d.]+) x ([\d.]+)");
        Assert.True(double.Parse(size.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) < double.Parse(size.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), info);
        Assert.Contains("Nguyễn", await PdfChecks.TextAsync(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConverterNameSentDecomposed_IsComposedInThePdfTheQrCodeAndTheManifest()
    {
        var decomposed = Converter.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(Converter, decomposed);
        var agency = ConversionApp.NewAgency();
        var blob = await _conversion.UploadRawAsync($"{agency}/nfd.pdf", TestScans.TextPdf(), new Dictionary<string, string> { ["converter"] = Uri.EscapeDataString(decomposed) });

        var status = await _conversion.SettledAsync(blob);
        var message = await _conversion.App.Http.GetFromJsonAsync<JsonObject>(status["links"]!["dataMessage"]!.GetValue<string>(), Cancellation);
        var pdf = await _conversion.App.Http.GetByteArrayAsync(status["links"]!["pdf"]!.GetValue<string>(), Cancellation);

        Assert.Equal(Converter, message!["converter"]!.GetValue<string>());
        Assert.Contains($"\nN={Converter}\n", message["qr"]!["payload"]!.GetValue<string>(), StringComparison.Ordinal);
        // What the reader's tools get, as they get it: composed letters, never the decomposed ones.
        var text = await PdfChecks.TextAsync(pdf);
        Assert.Contains($"Converted by: {Converter}", text, StringComparison.Ordinal);
        Assert.DoesNotContain(decomposed, text, StringComparison.Ordinal);
        Assert.Contains($"\nN={Converter}\n", await PdfChecks.QrAsync(pdf), StringComparison.Ordinal);
        Assert.Equal(Converter, (await Pdf.PdfTools.InfoAsync(pdf))["Author"]);
    }
}
