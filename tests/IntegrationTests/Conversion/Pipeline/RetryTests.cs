using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Etransactions.TestSupport.Scans;
using static Etransactions.IntegrationTests.Conversion.Pipeline.KeyedCalls;

namespace Etransactions.IntegrationTests.Conversion.Pipeline;

/// <summary>
/// A failure that may pass (the OCR service unreachable) ends as failed after the host's tries, with the last
/// error; the agency or the regulator starts it again, and a retry that fails as well ends failed again.
/// </summary>
public sealed class RetryTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TransientFailure_EndsFailed_AndTheAgencyOrTheRegulatorStartsItAgain()
    {
        // Nothing listens on port 1: every OCR call fails as if the service were down.
        await using var conversion = await ConversionApp.StartAsync(new Dictionary<string, string> { ["DOCUMENT_INTELLIGENCE_ENDPOINT"] = "https://127.0.0.1:1" });
        var agency = ConversionApp.NewAgency();
        var blob = await conversion.UploadAsync(agency, "quet.png", await TestScans.PngAsync(), new Dictionary<string, string> { ["converter"] = "Sở Tư pháp Hà Nội" });

        var failed = await conversion.SettledAsync(blob, timeout: TimeSpan.FromMinutes(3));

        Assert.Equal(("failed", 5), (failed["status"]!.GetValue<string>(), failed["attempts"]!.GetValue<int>()));
        Assert.False(string.IsNullOrEmpty(failed["lastError"]?.GetValue<string>()));
        var http = conversion.App.Http;
        using var anonymous = await RetryAsync(http, blob, key: null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var otherAgency = await RetryAsync(http, blob, await IssueKeyAsync(http, ConversionApp.NewAgency()));
        Assert.Equal(HttpStatusCode.Forbidden, otherAgency.StatusCode);

        using var byAgency = await RetryAsync(http, blob, await IssueKeyAsync(http, agency));

        Assert.Equal(HttpStatusCode.Accepted, byAgency.StatusCode);
        // The retry is delivered as often as the host tries, then ends failed again rather than poison.
        var again = await conversion.SettledAsync(blob,
            s => s["status"]!.GetValue<string>() == "failed" && s["updatedAt"]!["utc"]!.GetValue<string>() != failed["updatedAt"]!["utc"]!.GetValue<string>(),
            TimeSpan.FromMinutes(2));
        Assert.Equal(5, again["attempts"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(again["lastError"]?.GetValue<string>()));
        using var byRegulator = await RetryAsync(http, blob, RegulatorKey);
        Assert.Equal(HttpStatusCode.Accepted, byRegulator.StatusCode);

        // Only a failed conversion is started again.
        var rejected = await conversion.UploadAsync(agency, "khong-ten.png", await TestScans.PngAsync());
        Assert.Equal("rejected", (await conversion.SettledAsync(rejected))["status"]!.GetValue<string>());
        using var notFailed = await RetryAsync(http, rejected, RegulatorKey);
        Assert.Equal(HttpStatusCode.Conflict, notFailed.StatusCode);
        Assert.Equal("/problems/conflict", (await notFailed.Content.ReadFromJsonAsync<JsonObject>(Cancellation))!["type"]!.GetValue<string>());
    }
}
