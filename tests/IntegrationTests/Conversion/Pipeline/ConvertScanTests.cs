using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
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
        var blob = await _conversion.UploadAsync(agency, "2026/giay-xac-nhan.png", await TestScans.PngAsync(),
            new Dictionary<string, string> { ["converter"] = Converter, ["sign"] = "true" });

        var status = await _conversion.SettledAsync(blob);

        Assert.Equal("converted", status["status"]!.GetValue<string>());
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

        var pdf = await _conversion.App.Http.GetByteArrayAsync(new Uri(message["links"]!["pdf"]!.GetValue<string>()), Cancellation);
        Assert.Equal(message["output"]!["sha256"]!.GetValue<string>(), Convert.ToHexStringLower(SHA256.HashData(pdf)));
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
        Assert.Contains($"U=http://127.0.0.1:7071/api/data-messages/{code}", qr, StringComparison.Ordinal);
        Assert.Equal(message["qr"]!["payload"]!.GetValue<string>(), qr.TrimEnd('\n'));
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
    public async Task SameBytesAgain_GiveTheSameDataMessageAndNewBytesANewOne()
    {
        var agency = ConversionApp.NewAgency();
        var metadata = new Dictionary<string, string> { ["converter"] = Converter };
        var bytes = TestScans.TextPdf(1);
        var blob = await _conversion.UploadAsync(agency, "lan-1.pdf", bytes, metadata);
        var first = await _conversion.SettledAsync(blob);

        await _conversion.UploadAsync(agency, "lan-1.pdf", bytes, metadata);
        await Task.Delay(TimeSpan.FromSeconds(2), Cancellation);
        var again = await _conversion.SettledAsync(blob);
        await _conversion.UploadAsync(agency, "lan-1.pdf", TestScans.TextPdf(2), metadata);
        var changed = await _conversion.SettledAsync(blob, s => s["lookupCode"]?.GetValue<string>() is { } code && code != first["lookupCode"]!.GetValue<string>());

        Assert.Equal(first["lookupCode"]!.GetValue<string>(), again["lookupCode"]!.GetValue<string>());
        Assert.NotEqual(first["messageId"]!.GetValue<string>(), changed["messageId"]!.GetValue<string>());
        using var old = await _conversion.App.Http.GetAsync(first["links"]!["dataMessage"]!.GetValue<string>(), Cancellation);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
    }
}
