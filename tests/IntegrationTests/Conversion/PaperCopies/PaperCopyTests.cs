using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Etransactions.Functions.Conversion.Messages;
using Etransactions.Functions.Conversion.PaperCopies;
using Etransactions.IntegrationTests.Conversion.Pipeline;
using Etransactions.TestSupport.Scans;
using static Etransactions.IntegrationTests.Conversion.Pipeline.KeyedCalls;

namespace Etransactions.IntegrationTests.Conversion.PaperCopies;

/// <summary>
/// Data message → paper through the local host (Decree 137 Art. 5): the copy's PDF as a reader's tools see it,
/// the register entries of both conversions, a repeat, every class of bad request, and twenty copies at once.
/// </summary>
[Collection(ConversionTests.Name)]
public sealed class PaperCopyTests(SharedConversionApp shared)
{
    private const string Converter = "Trần Thị Bích Ngọc";
    private readonly ConversionApp _conversion = shared.App;
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;
    private HttpClient Http => _conversion.App.Http;

    [Fact]
    public async Task PaperCopy_OfAThreePageMessage_IsThreeA4PagesWithTheBandTheQrAndTheXmp_AndBothConversionsAreInTheRegister()
    {
        var (agency, key, code) = await ConvertedAsync(pages: 3);

        using var reply = await IssueAsync(code, key, new { converter = Converter, purpose = "Cấp cho công dân" });

        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        var copy = (await reply.Content.ReadFromJsonAsync<JsonObject>(Cancellation))!;
        var year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).Year;
        var number = copy["number"]!.GetValue<string>();
        Assert.Equal($"{agency}/{year}/2", number);
        Assert.Equal(Converter, copy["converter"]!.GetValue<string>());
        Assert.Equal(3, copy["pdf"]!["pages"]!.GetValue<int>());
        Assert.Equal(copy["links"]!["pdf"]!.GetValue<string>(), reply.Headers.Location!.ToString());

        var pdf = await DownloadAsync(copy["links"]!["pdf"]!.GetValue<string>(), key);
        Assert.Equal(copy["pdf"]!["sha256"]!.GetValue<string>(), Convert.ToHexStringLower(SHA256.HashData(pdf)));
        var info = await PdfChecks.InfoAsync(pdf);
        Assert.Contains("Pages:           3", info, StringComparison.Ordinal);
        Assert.Matches(@"Page size:\s+595\.2\d x 841\.8\d pts \(A4\)", info);
        for (var page = 1; page <= 3; page++)
        {
            var text = await PdfChecks.PageTextAsync(pdf, page);
            Assert.Contains(PaperCopySymbol.Both, text, StringComparison.Ordinal);
            Assert.Contains(Converter, text, StringComparison.Ordinal);
            Assert.Contains("Hệ thống thông tin giao dịch điện tử etransactions (bản chạy thử)", text, StringComparison.Ordinal);
            Assert.Contains("Đơn vị vận hành etransactions (bản chạy thử)", text, StringComparison.Ordinal);
            Assert.Contains(code, text, StringComparison.Ordinal);
            Assert.Contains(number, text, StringComparison.Ordinal);
            Assert.Contains($"http://127.0.0.1:7071/verify/{code}", text, StringComparison.Ordinal);
        }
        // Top left, where Circular 01/2023 Art. 26 puts it (the original's own QR code is further down, in its content).
        var qr = await PdfChecks.TopLeftQrAsync(pdf, side: 130);
        Assert.StartsWith(PaperCopyQr.Header + "\n", qr, StringComparison.Ordinal);
        Assert.Contains($"C={code}\n", qr, StringComparison.Ordinal);
        Assert.Contains($"R={number}\n", qr, StringComparison.Ordinal);
        Assert.Contains("Y=Hệ thống thông tin giao dịch điện tử etransactions (bản chạy thử)\n", qr, StringComparison.Ordinal);
        var xmp = await PdfChecks.XmpAsync(pdf);
        Assert.Contains($"<etx:RegisterNumber>{number}</etx:RegisterNumber>", xmp, StringComparison.Ordinal);
        Assert.Contains("<etx:Direction>data-message-to-paper</etx:Direction>", xmp, StringComparison.Ordinal);
        Assert.Contains($"<etx:Converter>{Converter}</etx:Converter>", xmp, StringComparison.Ordinal);
        Assert.Contains("<etx:InputPages>3</etx:InputPages>", xmp, StringComparison.Ordinal);

        var entries = (await GetJsonAsync($"api/register?agency={agency}&year={year}", key))["entries"]!.AsArray();
        Assert.Equal(["paper-to-data-message", "data-message-to-paper"], entries.Select(entry => entry!["direction"]!.GetValue<string>()));
        Assert.Equal([1, 2], entries.Select(entry => entry!["sequence"]!.GetValue<int>()));
        Assert.All(entries, entry => Assert.Equal("recorded", entry!["status"]!.GetValue<string>()));
        var scanEntry = entries[0]!;
        Assert.Equal(scanEntry["output"]!["sha256"]!.GetValue<string>(), entries[1]!["input"]!["sha256"]!.GetValue<string>());
        Assert.Equal(copy["pdf"]!["sha256"]!.GetValue<string>(), entries[1]!["output"]!["sha256"]!.GetValue<string>());
        var publicEntry = await GetJsonAsync($"api/register/{number}", key: null);
        Assert.Equal(("data-message-to-paper", code, 3), (publicEntry["direction"]!.GetValue<string>(), publicEntry["lookupCode"]!.GetValue<string>(), publicEntry["output"]!["pages"]!.GetValue<int>()));
    }

    [Fact]
    public async Task SameCopyAskedAgainWithinAMinute_IsTheFirstCopy_AndAnotherPurposeIsANewOne()
    {
        var (_, key, code) = await ConvertedAsync();
        var body = new { converter = Converter, purpose = "Lưu hồ sơ" };

        using var first = await IssueAsync(code, key, body);
        using var again = await IssueAsync(code, key, body);
        using var other = await IssueAsync(code, key, new { converter = Converter, purpose = "Gửi cơ quan khác" });
        using var asPdf = await IssueAsync(code, key, body, acceptPdf: true);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Created), (first.StatusCode, again.StatusCode, other.StatusCode));
        var firstId = (await first.Content.ReadFromJsonAsync<JsonObject>(Cancellation))!["copyId"]!.GetValue<string>();
        Assert.Equal(firstId, (await again.Content.ReadFromJsonAsync<JsonObject>(Cancellation))!["copyId"]!.GetValue<string>());
        Assert.NotEqual(firstId, (await other.Content.ReadFromJsonAsync<JsonObject>(Cancellation))!["copyId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, asPdf.StatusCode);
        Assert.Equal("application/pdf", asPdf.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF-", Encoding.Latin1.GetString(await asPdf.Content.ReadAsByteArrayAsync(Cancellation))[..5], StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadRequests_GetAClearProblem_AndMakeNoCopy()
    {
        var (agency, key, code) = await ConvertedAsync();
        var otherKey = await IssueKeyAsync(Http, ConversionApp.NewAgency());
        var wrongCheck = code[..^1] + LookupCode.Alphabet.First(symbol => symbol != code[^1]);
        var unknown = LookupCode.Candidate("no such message", 0).Display;
        var valid = new { converter = Converter, purpose = "Cấp cho công dân" };

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(IssueAsync(code, key: null, valid)));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(IssueAsync(code, otherKey, valid)));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(IssueAsync(unknown, key, valid)));
        using (var mistyped = await IssueAsync(wrongCheck, key, valid))
        {
            Assert.Equal(HttpStatusCode.BadRequest, mistyped.StatusCode);
            Assert.Contains("check character", await mistyped.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(IssueAsync(code, key, new { converter = "  ", purpose = "x" })));
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(IssueAsync(code, key, new { converter = new string('a', 301), purpose = "x" })));
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(IssueAsync(code, key, new { converter = "Nguyễn\u0007Văn", purpose = "x" })));
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(IssueAsync(code, key, new { converter = Converter })));
        using (var notJson = new HttpRequestMessage(HttpMethod.Post, new Uri($"api/data-messages/{code}/paper-copies", UriKind.Relative)) { Content = new StringContent("converter=x", Encoding.UTF8, "text/plain") })
        {
            notJson.Headers.Add("x-api-key", key);
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, await StatusAsync(Http.SendAsync(notJson, Cancellation)));
        }

        var year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).Year;
        Assert.Single((await GetJsonAsync($"api/register?agency={agency}&year={year}", key))["entries"]!.AsArray());
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(SendGetAsync($"api/register?agency={agency}&year={year}", otherKey)));
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(SendGetAsync($"api/register?agency={agency}&year=26", key)));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(SendGetAsync($"api/register/{agency}/{year}/99", key: null)));
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(SendGetAsync($"api/register/{agency}/{year}/0", key: null)));
    }

    [Fact]
    public async Task TwentyCopiesAtOnce_GetTwentyDistinctConsecutiveNumbers()
    {
        var (agency, key, code) = await ConvertedAsync();

        var replies = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => IssueAsync(code, key, new { converter = Converter, purpose = $"Bản thứ {i}" })));

        Assert.All(replies, reply => Assert.Equal(HttpStatusCode.Created, reply.StatusCode));
        var numbers = new List<int>();
        foreach (var reply in replies)
        {
            var number = (await reply.Content.ReadFromJsonAsync<JsonObject>(Cancellation))!["number"]!.GetValue<string>();
            numbers.Add(int.Parse(number.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture));
            reply.Dispose();
        }
        Assert.Equal(Enumerable.Range(2, 20), numbers.Order());
        var year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).Year;
        Assert.Equal(Enumerable.Range(1, 21), (await GetJsonAsync($"api/register?agency={agency}&year={year}", key))["entries"]!.AsArray().Select(entry => entry!["sequence"]!.GetValue<int>()));
    }

    /// <summary>A text PDF converted for a new agency, with that agency's key.</summary>
    private async Task<(string Agency, string Key, string Code)> ConvertedAsync(int pages = 1)
    {
        var agency = ConversionApp.NewAgency();
        var blob = await _conversion.UploadAsync(agency, "giay-xac-nhan.pdf", TestScans.TextPdf(pages), new Dictionary<string, string> { ["converter"] = "Sở Tư pháp Hà Nội" });
        var status = await _conversion.SettledAsync(blob);
        Assert.Equal("converted", status["status"]!.GetValue<string>());
        return (agency, await IssueKeyAsync(Http, agency), status["lookupCode"]!.GetValue<string>());
    }

    private async Task<HttpResponseMessage> IssueAsync(string code, string? key, object body, bool acceptPdf = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"api/data-messages/{code}/paper-copies", UriKind.Relative)) { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("x-api-key", key);
        }
        if (acceptPdf)
        {
            request.Headers.Accept.ParseAdd("application/pdf");
        }
        return await Http.SendAsync(request, Cancellation);
    }

    private async Task<HttpResponseMessage> SendGetAsync(string url, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.RelativeOrAbsolute));
        if (key is not null)
        {
            request.Headers.Add("x-api-key", key);
        }
        return await Http.SendAsync(request, Cancellation);
    }

    private async Task<JsonObject> GetJsonAsync(string url, string? key)
    {
        using var reply = await SendGetAsync(url, key);
        Assert.True(reply.StatusCode == HttpStatusCode.OK, $"{url}: {reply.StatusCode} {await reply.Content.ReadAsStringAsync(Cancellation)}");
        return (await reply.Content.ReadFromJsonAsync<JsonObject>(Cancellation))!;
    }

    private async Task<byte[]> DownloadAsync(string url, string key)
    {
        using var reply = await SendGetAsync(url, key);
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        return await reply.Content.ReadAsByteArrayAsync(Cancellation);
    }

    private static async Task<HttpStatusCode> StatusAsync(Task<HttpResponseMessage> sending)
    {
        using var reply = await sending;
        return reply.StatusCode;
    }
}
