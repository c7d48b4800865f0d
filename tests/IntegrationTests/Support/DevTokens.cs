using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Etransactions.IntegrationTests.Support;

/// <summary>
/// Bearer tokens from the local host's development provider (<c>POST /admin/tokens</c>), which the app run by
/// that host accepts: to act as an applicant or an officer of an agency in a test.
/// </summary>
public static class DevTokens
{
    /// <summary>A token for the actor, valid for the provider's default lifetime on the host's clock.</summary>
    public static async Task<string> MintAsync(HttpClient host, string sub, string name, IReadOnlyList<string> roles, string? agency = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        var body = new JsonObject { ["sub"] = sub, ["name"] = name, ["roles"] = new JsonArray([.. roles.Select(role => JsonValue.Create(role))]) };
        if (agency is not null)
        {
            body["agency"] = agency;
        }
        using var reply = await host.PostAsJsonAsync(new Uri("admin/tokens", UriKind.Relative), body, TestContext.Current.CancellationToken);
        var text = await reply.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(reply.IsSuccessStatusCode, $"POST /admin/tokens answered {(int)reply.StatusCode}: {text}");
        return JsonNode.Parse(text)!["token"]!.GetValue<string>();
    }

    /// <summary>The request, carrying <c>Authorization: Bearer {token}</c>.</summary>
    public static HttpRequestMessage WithBearer(this HttpRequestMessage request, string token)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    /// <summary>Sends a request to <paramref name="path"/> (relative to the host) as the token's actor.</summary>
    public static async Task<HttpResponseMessage> SendWithTokenAsync(this HttpClient http, HttpMethod method, string path, string token, HttpContent? content = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content }.WithBearer(token);
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
