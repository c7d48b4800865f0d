using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Etransactions.IntegrationTests.Platforms.Api;

/// <summary>Calls the platforms API as a client does: a method, a path, the x-api-key, a JSON (or raw) body.</summary>
public sealed class PlatformsApi(HttpClient http)
{
    public async Task<ApiReply> SendAsync(
        HttpMethod method, string path, string? key = null, JsonNode? body = null, string? rawBody = null, string contentType = "application/json",
        IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path.TrimStart('/'), UriKind.Relative));
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("x-api-key", key);
        }
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        if ((rawBody ?? body?.ToJsonString()) is { } text)
        {
            request.Content = new StringContent(text, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var replyText = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var replyHeaders = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(header => header.Key, header => string.Join(", ", header.Value), StringComparer.OrdinalIgnoreCase);
        JsonObject json;
        try
        {
            json = JsonNode.Parse(replyText) as JsonObject ?? [];
        }
        catch (System.Text.Json.JsonException)
        {
            json = [];
        }
        return new ApiReply((int)response.StatusCode, replyHeaders, replyText, json);
    }
}

/// <summary>What the API answered: the status, the headers (names in any case), the body as text and as JSON.</summary>
public sealed record ApiReply(int Status, IReadOnlyDictionary<string, string> Headers, string Text, JsonObject Json)
{
    /// <summary>The fields of a validation problem, in the order given.</summary>
    public IReadOnlyList<string> Fields => [.. (Json["errors"]?.AsArray() ?? []).Select(error => error!["field"]!.GetValue<string>())];

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
