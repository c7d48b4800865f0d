using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Etransactions.IntegrationTests.Support;
using Etransactions.Local;
using Etransactions.Local.Upload;
using Etransactions.TestSupport.Scans;

namespace Etransactions.IntegrationTests.Conversion.Pipeline;

/// <summary>
/// <c>dotnet run --project local -- upload …</c>, run in this process against the shared app: the metadata it
/// writes (ASCII, percent-encoded UTF-8, only what was asked for), and <c>--wait</c> following the conversion.
/// </summary>
[Collection(ConversionTests.Name)]
public sealed class UploadCommandTests(SharedConversionApp shared) : IDisposable
{
    private readonly ConversionApp _conversion = shared.App;
    private readonly string _folder = TempFolder.Create("upload");
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public void Dispose() => TempFolder.Delete(_folder);

    [Fact]
    public async Task Upload_EncodesEveryValueAsAscii_AndWaitsForTheDataMessage()
    {
        var agency = ConversionApp.NewAgency();
        var file = await FileAsync("giay-xac-nhan.pdf", TestScans.TextPdf());

        var (exit, output, error) = await UploadAsync(file, "--agency", agency, "--converter", "Sở Tư pháp Hà Nội", "--sign", "--purpose", "certification",
            "--no-qr", "--language", "vie", "--name", "2026/giấy xác nhận.pdf", "--wait");

        Assert.True(exit == 0, error);
        var blob = $"scans/{agency}/2026/giấy xác nhận.pdf";
        Assert.Contains($"Uploaded {blob}\n", output, StringComparison.Ordinal);
        var properties = (await _conversion.Scans.GetBlobClient(blob["scans/".Length..]).GetPropertiesAsync(cancellationToken: Cancellation)).Value;
        Assert.Equal(new Dictionary<string, string>
        {
            ["converter"] = "S%E1%BB%9F%20T%C6%B0%20ph%C3%A1p%20H%C3%A0%20N%E1%BB%99i",
            ["purpose"] = "certification",
            ["sign"] = "true",
            ["qr"] = "false",
            ["language"] = "vie",
        }, properties.Metadata);
        Assert.Equal("application/pdf", properties.ContentType);
        // What the command wrote is what the conversion read.
        var status = await _conversion.SettledAsync(blob);
        var code = status["lookupCode"]!.GetValue<string>();
        Assert.Contains($"Converted: lookup code {code}\n", output, StringComparison.Ordinal);
        Assert.Contains($"Data message: {status["links"]!["dataMessage"]!.GetValue<string>()}\n", output, StringComparison.Ordinal);
        var message = await _conversion.App.Http.GetFromJsonAsync<JsonObject>(status["links"]!["dataMessage"]!.GetValue<string>(), Cancellation);
        Assert.Equal(("Sở Tư pháp Hà Nội", "certification", "vie"),
            (message!["converter"]!.GetValue<string>(), message["purpose"]!.GetValue<string>(), message["ocr"]!["language"]!.GetValue<string>()));
        Assert.Null(message["qr"]);
        Assert.True(message["signature"]!["requiredByPurpose"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Upload_LeavesOutWhatWasNotAsked_ComposesTheName_AndWaitReportsARejection()
    {
        var agency = ConversionApp.NewAgency();
        // A PNG under a PDF's name: the conversion rejects it, and --wait says so.
        var file = await FileAsync("ban-sao.pdf", await TestScans.PngAsync());

        var (exit, output, error) = await UploadAsync(file, "--agency", agency, "--converter", "Nguyễn Văn A".Normalize(NormalizationForm.FormD), "--wait");

        Assert.Equal(1, exit);
        Assert.Contains($"Uploaded scans/{agency}/ban-sao.pdf\n", output, StringComparison.Ordinal);
        var properties = (await _conversion.Scans.GetBlobClient($"{agency}/ban-sao.pdf").GetPropertiesAsync(cancellationToken: Cancellation)).Value;
        Assert.Equal(new Dictionary<string, string> { ["converter"] = "Nguy%E1%BB%85n%20V%C4%83n%20A" }, properties.Metadata);
        var status = await _conversion.SettledAsync($"scans/{agency}/ban-sao.pdf");
        Assert.Equal($"Rejected: {status["reason"]!["vi"]!.GetValue<string>()} / {status["reason"]!["en"]!.GetValue<string>()}\n", error);
    }

    private async Task<string> FileAsync(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        await File.WriteAllBytesAsync(path, bytes, Cancellation);
        return path;
    }

    private async Task<(int Exit, string Output, string Error)> UploadAsync(params string[] arguments)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        string[] all = [.. arguments, "--storage", _conversion.StorageConnectionString, "--host", _conversion.App.Host.BaseUri.ToString()];
        var exit = await UploadCommand.Create(RepositoryRoot.Find()).Parse(all).InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = error }, Cancellation);
        return (exit, output.ToString(), error.ToString());
    }
}
