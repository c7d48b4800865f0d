using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Etransactions.IntegrationTests.Conversion.Pipeline;

/// <summary>Calls that need a key: the regulator's (the local development one), or an agency's that the regulator issues.</summary>
internal static class KeyedCalls
{
    public const string RegulatorKey = "local-development-regulator-key-not-for-azure";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static async Task<string> IssueKeyAsync(HttpClient http, string agency)
    {
        using var issued = await PostAsync(http, $"api/agencies/{agency}/keys", RegulatorKey);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        return (await issued.Content.ReadFromJsonAsync<JsonObject>(Cancellation))!["key"]!.GetValue<string>();
    }

    public static Task<HttpResponseMessage> RetryAsync(HttpClient http, string blob, string? key) =>
        PostAsync(http, $"api/conversions/retry?blob={Uri.EscapeDataString(blob)}", key);

    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, string path, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative));
        if (key is not null)
        {
            request.Headers.Add("x-api-key", key);
        }
        return await http.SendAsync(request, Cancellation);
    }
}
