using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Etransactions.TestSupport.Scans;

namespace Etransactions.IntegrationTests.Conversion.Pipeline;

/// <summary>A failure that may pass (the OCR service unreachable) ends as failed after the host's tries, and the agency or regulator starts it again.</summary>
public sealed class RetryTests
{
    private const string RegulatorKey = "local-development-regulator-key-not-for-azure";
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TransientFailure_EndsFailedAndTheAgencyStartsItAgain()
    {
        // Nothing listens on port 1: every OCR call fails as if the service were down.
        await using var conversion = await ConversionApp.StartAsync(new Dictionary<string, string> { ["DOCUMENT_INTELLIGENCE_ENDPOINT"] = "https://127.0.0.1:1" });
        var agency = ConversionApp.NewAgency();
        var blob = await conversion.UploadAsync(agency, "quet.png", await TestScans.PngAsync(), new Dictionary<string, string> { ["converter"] = "Sở Tư pháp Hà Nội" });

        var failed = await conversion.SettledAsync(blob, timeout: TimeSpan.FromMinutes(3));

        Assert.Equal("failed", failed["status"]!.GetValue<string>());
        Assert.Equal(5, failed["attempts"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(failed["lastError"]?.GetValue<string>()));
        var http = conversion.App.Http;
        using var anonymous = await http.PostAsync(new Uri($"api/conversions/retry?blob={Uri.EscapeDataString(blob)}", UriKind.Relative), null, Cancellation);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var other = await IssueKeyAsync(http, ConversionApp.NewAgency());
        using var otherAgency = await RetryAsync(http, blob, other);
        Assert.Equal(HttpStatusCode.Forbidden, otherAgency.StatusCode);

        using var retried = await RetryAsync(http, blob, await IssueKeyAsync(http, agency));

        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        var again = await conversion.SettledAsync(blob, s => s["status"]!.GetValue<string>() == "processing" || s["attempts"]!.GetValue<int>() < 5, TimeSpan.FromMinutes(1));
        Assert.NotEqual("converted", again["status"]!.GetValue<string>());
        using var notFailed = await RetryAsync(http, blob, RegulatorKey);
        Assert.True(notFailed.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task AgencyKeys_AreIssuedByTheRegulatorOnly()
    {
        await using var conversion = await ConversionApp.StartAsync();
        var http = conversion.App.Http;

        using var anonymous = await http.PostAsync(new Uri("api/agencies/STP/keys", UriKind.Relative), null, Cancellation);
        var agencyKey = await IssueKeyAsync(http, "STP");
        using var byAgency = await PostWithKeyAsync(http, "api/agencies/OTHER/keys", agencyKey);
        using var badCode = await PostWithKeyAsync(http, "api/agencies/a%2Fb/keys", RegulatorKey);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.StartsWith("eta.STP.", agencyKey, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, byAgency.StatusCode);
        Assert.True(badCode.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound);
    }

    private static async Task<string> IssueKeyAsync(HttpClient http, string agency)
    {
        using var issued = await PostWithKeyAsync(http, $"api/agencies/{agency}/keys", RegulatorKey);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        return (await issued.Content.ReadFromJsonAsync<JsonObject>(Cancellation))!["key"]!.GetValue<string>();
    }

    private static Task<HttpResponseMessage> RetryAsync(HttpClient http, string blob, string key) =>
        PostWithKeyAsync(http, $"api/conversions/retry?blob={Uri.EscapeDataString(blob)}", key);

    private static async Task<HttpResponseMessage> PostWithKeyAsync(HttpClient http, string path, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative));
        request.Headers.Add("x-api-key", key);
        return await http.SendAsync(request, Cancellation);
    }
}
