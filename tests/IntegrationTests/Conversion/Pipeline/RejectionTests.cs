using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Etransactions.TestSupport.Scans;

namespace Etransactions.IntegrationTests.Conversion.Pipeline;

/// <summary>Bad uploads are rejected with their reason in both languages, and left where they are, unchanged.</summary>
[Collection(ConversionTests.Name)]
public sealed class RejectionTests(SharedConversionApp shared)
{
    private readonly ConversionApp _conversion = shared.App;
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string> Uploads => new()
    {
        { "bom.png", "bomb", "too-many-pixels" },
        { "gia.pdf", "fake-pdf", "type-mismatch" },
        { "cut.pdf", "truncated", "corrupt" },
        { "khoa.pdf", "encrypted", "encrypted" },
        { "thieu-ten.png", "no-converter", "missing-converter" },
        { "muc-dich.pdf", "bad-purpose", "bad-purpose" },
        { "tai-lieu.docx", "text", "unsupported-type" },
    };

    [Theory]
    [MemberData(nameof(Uploads))]
    public async Task BadUpload_IsRejectedWithItsReasonAndLeftInPlace(string name, string kind, string code)
    {
        var bytes = kind switch
        {
            "bomb" => TestScans.BombPng(),
            "fake-pdf" => await TestScans.FakePdfAsync(),
            "truncated" => await TestScans.TruncatedPdfAsync(),
            "encrypted" => await TestScans.EncryptedPdfAsync(),
            "no-converter" => await TestScans.PngAsync(),
            _ => TestScans.TextPdf(),
        };
        var metadata = new Dictionary<string, string>();
        if (kind != "no-converter")
        {
            metadata["converter"] = "Nguyễn Văn Đức";
        }
        if (kind == "bad-purpose")
        {
            metadata["purpose"] = "marketing";
        }
        var agency = ConversionApp.NewAgency();
        var blob = await _conversion.UploadAsync(agency, name, bytes, metadata);

        var status = await _conversion.SettledAsync(blob);

        Assert.Equal("rejected", status["status"]!.GetValue<string>());
        Assert.Equal(code, status["reason"]!["code"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(status["reason"]!["vi"]!.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(status["reason"]!["en"]!.GetValue<string>()));
        Assert.Null(status["lookupCode"]);
        var left = await _conversion.Scans.GetBlobClient($"{agency}/{name}").DownloadContentAsync(Cancellation);
        Assert.Equal(bytes, left.Value.Content.ToArray());
    }

    [Fact]
    public async Task UploadOverTheSizeLimit_IsRejectedFromItsProperties()
    {
        await using var small = await ConversionApp.StartAsync(new Dictionary<string, string> { ["SCAN_MAX_BYTES"] = "1000" });
        var blob = await small.UploadAsync(ConversionApp.NewAgency(), "lon.pdf", TestScans.TextPdf(), new Dictionary<string, string> { ["converter"] = "Nguyễn Văn Đức" });

        var status = await small.SettledAsync(blob);

        Assert.Equal("too-large", status["reason"]!["code"]!.GetValue<string>());
        Assert.Contains("limit 1000", status["reason"]!["en"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lookup_RefusesBadCodesAndUnknownOnes()
    {
        using var wrongCheck = await _conversion.App.Http.GetAsync(new Uri("api/data-messages/K7Q-M4T-ZP2", UriKind.Relative), Cancellation);
        using var unknown = await _conversion.App.Http.GetAsync(new Uri($"api/data-messages/{Etransactions.Functions.Conversion.Messages.LookupCode.Candidate("nobody", 0).Display}", UriKind.Relative), Cancellation);
        using var noBlob = await _conversion.App.Http.GetAsync(new Uri("api/conversions", UriKind.Relative), Cancellation);
        using var unknownBlob = await _conversion.App.Http.GetAsync(new Uri("api/conversions?blob=scans/NOBODY/x.pdf", UriKind.Relative), Cancellation);
        using var otherFile = await _conversion.App.Http.GetAsync(new Uri("api/data-messages/K7Q-M4T-ZP5/other", UriKind.Relative), Cancellation);

        var problem = await wrongCheck.Content.ReadFromJsonAsync<JsonObject>(Cancellation);
        Assert.Equal((HttpStatusCode.BadRequest, "/problems/validation"), (wrongCheck.StatusCode, problem!["type"]!.GetValue<string>()));
        Assert.Equal("code", problem["errors"]![0]!["field"]!.GetValue<string>());
        Assert.Contains("check character", problem["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("/problems/not-found", (await unknown.Content.ReadFromJsonAsync<JsonObject>(Cancellation))!["type"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, noBlob.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownBlob.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherFile.StatusCode);
    }
}
