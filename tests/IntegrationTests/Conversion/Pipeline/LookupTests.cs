using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Etransactions.Functions.Conversion.Messages;
using Etransactions.TestSupport.Scans;

namespace Etransactions.IntegrationTests.Conversion.Pipeline;

/// <summary>
/// The lookup API of Art. 5.1.b on a converted upload: a code found however it is typed, problems that say
/// what is wrong with a code, and the stored files downloaded byte for byte with their type and name.
/// </summary>
[Collection(ConversionTests.Name)]
public sealed class LookupTests(SharedConversionApp shared)
{
    private readonly ConversionApp _conversion = shared.App;
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Code_IsFoundInAnyCaseWithOrWithoutHyphens_AndAMistypedOneIsNamed()
    {
        var (_, code) = await ConvertedAsync();
        var wrongCheck = code[..^1] + LookupCode.Alphabet.First(symbol => symbol != code[^1]);

        foreach (var typed in new[] { code, code.ToLowerInvariant(), code.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant(), $" {code.Replace('-', ' ')} " })
        {
            using var found = await GetAsync($"api/data-messages/{Uri.EscapeDataString(typed)}");
            Assert.Equal(HttpStatusCode.OK, found.StatusCode);
            Assert.Equal(code, (await found.Content.ReadFromJsonAsync<JsonObject>(Cancellation))!["lookupCode"]!.GetValue<string>());
        }
        var (status, type, detail) = await ProblemAsync($"api/data-messages/{wrongCheck}");
        Assert.Equal((HttpStatusCode.BadRequest, "/problems/validation"), (status, type));
        Assert.Contains("Ký tự kiểm tra", detail, StringComparison.Ordinal);
        Assert.Contains("check character", detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await ProblemAsync($"api/data-messages/{wrongCheck}/pdf")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await ProblemAsync("api/data-messages/ABC")).Status);
        Assert.Contains("\"0\"", (await ProblemAsync("api/data-messages/AB0-CDE-FGH")).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CodeNobodyHolds_AndFilesThatAreNotThere_AreNotFound()
    {
        var (_, code) = await ConvertedAsync();
        var free = LookupCode.Candidate("no such message", 0).Display;

        var unknown = await ProblemAsync($"api/data-messages/{free}");

        Assert.Equal((HttpStatusCode.NotFound, "/problems/not-found"), (unknown.Status, unknown.Type));
        Assert.Equal(HttpStatusCode.NotFound, (await ProblemAsync($"api/data-messages/{free}/manifest")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ProblemAsync($"api/data-messages/{code}/other")).Status);
    }

    [Fact]
    public async Task Status_IsFoundWithOrWithoutTheContainerName_AndNeedsABlob()
    {
        var (status, _) = await ConvertedAsync();
        var blob = status["blob"]!.GetValue<string>();

        using var withoutContainer = await GetAsync($"api/conversions?blob={Uri.EscapeDataString(blob["scans/".Length..])}");
        Assert.Equal(HttpStatusCode.OK, withoutContainer.StatusCode);
        Assert.Equal(blob, (await withoutContainer.Content.ReadFromJsonAsync<JsonObject>(Cancellation))!["blob"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, (await ProblemAsync("api/conversions")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await ProblemAsync("api/conversions?blob=scans/")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ProblemAsync($"api/conversions?blob={Uri.EscapeDataString(blob + ".never-uploaded.pdf")}")).Status);
    }

    [Fact]
    public async Task Downloads_AreTheStoredFilesWithTheirTypeAndName()
    {
        var (status, code) = await ConvertedAsync();
        var agency = status["blob"]!.GetValue<string>().Split('/')[1];
        var messageId = status["messageId"]!.GetValue<string>();

        using var manifest = await GetAsync(status["links"]!["manifest"]!.GetValue<string>());
        using var pdf = await GetAsync(status["links"]!["pdf"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, manifest.StatusCode);
        Assert.Equal("application/json; charset=utf-8", manifest.Content.Headers.ContentType!.ToString());
        Assert.Equal($"attachment; filename=\"{code}.json\"", manifest.Content.Headers.ContentDisposition!.ToString());
        Assert.Equal("no-store", manifest.Headers.CacheControl!.ToString());
        var manifestBytes = await manifest.Content.ReadAsByteArrayAsync(Cancellation);
        Assert.Equal(await _conversion.StoredAsync($"{agency}/{messageId}.json"), manifestBytes);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.ToString());
        Assert.Equal($"inline; filename=\"{code}.pdf\"", pdf.Content.Headers.ContentDisposition!.ToString());
        var pdfBytes = await pdf.Content.ReadAsByteArrayAsync(Cancellation);
        Assert.Equal(await _conversion.StoredAsync($"{agency}/{messageId}.pdf"), pdfBytes);
        var output = JsonNode.Parse(manifestBytes)!["output"]!;
        Assert.Equal((output["sha256"]!.GetValue<string>(), output["bytes"]!.GetValue<long>()), (Convert.ToHexStringLower(SHA256.HashData(pdfBytes)), pdfBytes.LongLength));
    }

    /// <summary>A text PDF (no OCR needed) converted by the shared app: its status and its code.</summary>
    private async Task<(JsonObject Status, string Code)> ConvertedAsync()
    {
        var blob = await _conversion.UploadAsync(ConversionApp.NewAgency(), "2026/giấy xác nhận.pdf", TestScans.TextPdf(),
            new Dictionary<string, string> { ["converter"] = "Sở Tư pháp Hà Nội" });
        var status = await _conversion.SettledAsync(blob);
        Assert.Equal("converted", status["status"]!.GetValue<string>());
        return (status, status["lookupCode"]!.GetValue<string>());
    }

    private Task<HttpResponseMessage> GetAsync(string url) => _conversion.App.Http.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute), Cancellation);

    private async Task<(HttpStatusCode Status, string Type, string Detail)> ProblemAsync(string url)
    {
        using var reply = await GetAsync(url);
        Assert.Equal("application/problem+json", reply.Content.Headers.ContentType?.MediaType);
        var problem = await reply.Content.ReadFromJsonAsync<JsonObject>(Cancellation);
        return (reply.StatusCode, problem!["type"]!.GetValue<string>(), problem["detail"]?.GetValue<string>() ?? "");
    }
}
