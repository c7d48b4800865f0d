using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Etransactions.Functions.Conversion.Messages;
using Etransactions.Functions.Conversion.Verification;
using Etransactions.IntegrationTests.Conversion.Pipeline;
using Etransactions.IntegrationTests.Signing;
using Etransactions.TestSupport.Scans;
using Microsoft.Extensions.Logging.Abstractions;
using static Etransactions.IntegrationTests.Conversion.Pipeline.KeyedCalls;

namespace Etransactions.IntegrationTests.Conversion.Verification;

/// <summary>
/// The public verification page through the local host, and electronic documents stored as they came: what the
/// page says of a signed scan and of a signed document, a search, a mistyped and an unknown code, and bad uploads.
/// </summary>
[Collection(ConversionTests.Name)]
public sealed class VerifyPageTests(SharedConversionApp shared)
{
    private readonly ConversionApp _conversion = shared.App;
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;
    private HttpClient Http => _conversion.App.Http;

    [Fact]
    public async Task SignedScanWithAPaperCopy_ThePageShowsItsConversionSignatureAndCopy_InVietnameseAndEnglish()
    {
        var agency = ConversionApp.NewAgency();
        var code = await ConvertedAsync(agency, sign: true);
        var key = await IssueKeyAsync(Http, agency);
        using (var issued = await PostJsonAsync($"api/data-messages/{code}/paper-copies", key, new { converter = "Lê Văn Tám", purpose = "Cấp cho công dân" }))
        {
            Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        }

        using var reply = await Http.GetAsync(new Uri($"verify/{code}", UriKind.Relative), Cancellation);
        var html = await reply.Content.ReadAsStringAsync(Cancellation);

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Equal("text/html", reply.Content.Headers.ContentType!.MediaType);
        Assert.Equal(VerificationPage.ContentSecurityPolicy, reply.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
        Assert.Contains(DataMessageSymbol.Vi, html, StringComparison.Ordinal);
        Assert.Contains("Sở Tư pháp Hà Nội", html, StringComparison.Ordinal);
        Assert.Contains($"{agency}/", html, StringComparison.Ordinal);
        Assert.Contains("Hệ thống thông tin giao dịch điện tử etransactions (bản chạy thử)", html, StringComparison.Ordinal);
        Assert.Contains("Chữ ký hợp lệ", html, StringComparison.Ordinal);
        Assert.Contains("Tài liệu không bị thay đổi kể từ khi ký.", html, StringComparison.Ordinal);
        Assert.Contains("thuộc danh sách tin cậy của hệ thống", html, StringComparison.Ordinal);
        Assert.Contains($"Số {agency}/", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Lê Văn Tám", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Cấp cho công dân", html, StringComparison.Ordinal);
        var pdf = await Http.GetByteArrayAsync(new Uri($"api/data-messages/{code}/pdf", UriKind.Relative), Cancellation);
        Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), html, StringComparison.Ordinal);

        var english = await Http.GetStringAsync(new Uri($"verify/{code}?lang=en", UriKind.Relative), Cancellation);
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains(DataMessageSymbol.En, english, StringComparison.Ordinal);
        Assert.Contains("Valid signature", english, StringComparison.Ordinal);
        Assert.Contains("The document has not been changed since it was signed.", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_SendsTheCodeToItsPage_AMistypedCodeIsExplained_AndAnUnknownOneIsNotFound()
    {
        var code = await ConvertedAsync(ConversionApp.NewAgency(), sign: false);
        var wrongCheck = code[..^1] + LookupCode.Alphabet.First(symbol => symbol != code[^1]);
        var unknown = LookupCode.Candidate("no such message", 0).Display;

        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Http.BaseAddress };
        using var search = await noRedirects.GetAsync(new Uri($"verify?code={Uri.EscapeDataString(code.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal))}&lang=en", UriKind.Relative), Cancellation);
        Assert.True(search.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found, search.StatusCode.ToString());
        Assert.Equal($"/verify/{code}?lang=en", search.Headers.Location!.ToString());

        using var form = await Http.GetAsync(new Uri("verify", UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("<form method=\"get\" action=\"/verify\"", await form.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);

        using var mistyped = await Http.GetAsync(new Uri($"verify/{wrongCheck}", UriKind.Relative), Cancellation);
        var mistypedHtml = await mistyped.Content.ReadAsStringAsync(Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, mistyped.StatusCode);
        Assert.Contains("Ký tự kiểm tra", mistypedHtml, StringComparison.Ordinal);
        Assert.Contains("<form method=\"get\"", mistypedHtml, StringComparison.Ordinal);

        using var notFound = await Http.GetAsync(new Uri($"verify/{unknown}?lang=en", UriKind.Relative), Cancellation);
        var notFoundHtml = await notFound.Content.ReadAsStringAsync(Cancellation);
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Contains($"This system keeps no data message with the code {unknown}.", notFoundHtml, StringComparison.Ordinal);
        Assert.Contains("<form method=\"get\"", notFoundHtml, StringComparison.Ordinal);

        var unsigned = await Http.GetStringAsync(new Uri($"verify/{code}", UriKind.Relative), Cancellation);
        Assert.Contains("Thông điệp không có chữ ký số.", unsigned, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedElectronicDocument_IsStoredAsItCame_WithItsSignatureChecked()
    {
        var agency = ConversionApp.NewAgency();
        using var certificate = TestCertificates.SelfSigned("Ủy ban nhân dân phường Tràng Tiền");
        var signer = new Functions.Signing.PadesSigner(new FixedKey(TestCertificates.Key(certificate)), NullLogger<Functions.Signing.PadesSigner>.Instance);
        var signed = (await signer.SignAsync(TestPdf.WithText("Quyết định số 12/QĐ-UBND"), new Functions.Signing.SignatureRequest("Ban hành", "Chủ tịch", "Hà Nội", DateTimeOffset.UtcNow), Cancellation)).Pdf;

        var blob = await _conversion.UploadDocumentAsync(agency, "2026/quyet-dinh-12.pdf", signed, new Dictionary<string, string> { ["title"] = "Quyết định số 12/QĐ-UBND", ["issuer"] = "UBND phường Tràng Tiền" });
        var status = await _conversion.SettledAsync(blob);

        Assert.Equal("converted", status["status"]!.GetValue<string>());
        var code = status["lookupCode"]!.GetValue<string>();
        var stored = await Http.GetByteArrayAsync(new Uri($"api/data-messages/{code}/pdf", UriKind.Relative), Cancellation);
        Assert.Equal(signed, stored);
        var manifest = await Http.GetFromJsonAsync<JsonObject>(new Uri($"api/data-messages/{code}/manifest", UriKind.Relative), Cancellation);
        Assert.Equal("electronic", manifest!["kind"]!.GetValue<string>());
        Assert.Equal("valid", manifest["signatures"]![0]!["status"]!.GetValue<string>());
        var html = await Http.GetStringAsync(new Uri($"verify/{code}", UriKind.Relative), Cancellation);
        Assert.Contains("Quyết định số 12/QĐ-UBND", html, StringComparison.Ordinal);
        Assert.Contains("UBND phường Tràng Tiền", html, StringComparison.Ordinal);
        Assert.Contains("Tài liệu điện tử được lưu giữ nguyên trạng", html, StringComparison.Ordinal);
        Assert.Contains("Ủy ban nhân dân phường Tràng Tiền", html, StringComparison.Ordinal);
        Assert.Contains("không thuộc danh sách tin cậy của hệ thống", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadElectronicDocuments_AreRejectedWithAReason_AndKept()
    {
        var agency = ConversionApp.NewAgency();
        var metadata = new Dictionary<string, string> { ["title"] = "Công văn", ["issuer"] = "Sở Nội vụ" };
        var cases = new (string Name, byte[] Bytes, Dictionary<string, string> Metadata, string Code)[]
        {
            ("anh.pdf", await TestScans.PngAsync(), metadata, "type-mismatch"),
            ("ma-hoa.pdf", await TestScans.EncryptedPdfAsync(), metadata, "encrypted"),
            ("cat-ngang.pdf", await TestScans.TruncatedPdfAsync(), metadata, "corrupt"),
            ("khong-ten.pdf", TestScans.TextPdf(), new Dictionary<string, string> { ["issuer"] = "Sở Nội vụ" }, "missing-title"),
            ("anh.png", await TestScans.PngAsync(), metadata, "unsupported-type"),
        };

        foreach (var (name, bytes, given, expected) in cases)
        {
            var blob = await _conversion.UploadDocumentAsync(agency, name, bytes, given);
            var status = await _conversion.SettledAsync(blob);
            Assert.Equal(("rejected", expected), (status["status"]!.GetValue<string>(), status["reason"]!["code"]!.GetValue<string>()));
            Assert.False(string.IsNullOrEmpty(status["reason"]!["vi"]!.GetValue<string>()));
            Assert.True(await new BlobClient(_conversion.StorageConnectionString, "documents", $"{agency}/{name}").ExistsAsync(Cancellation), $"{name} was not kept");
        }
    }

    private async Task<string> ConvertedAsync(string agency, bool sign)
    {
        var blob = await _conversion.UploadAsync(agency, "giay-xac-nhan.pdf", TestScans.TextPdf(), new Dictionary<string, string> { ["converter"] = "Sở Tư pháp Hà Nội", ["sign"] = sign ? "true" : "false" });
        var status = await _conversion.SettledAsync(blob);
        Assert.Equal("converted", status["status"]!.GetValue<string>());
        return status["lookupCode"]!.GetValue<string>();
    }

    private async Task<HttpResponseMessage> PostJsonAsync(string path, string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Add("x-api-key", key);
        return await Http.SendAsync(request, Cancellation);
    }
}
