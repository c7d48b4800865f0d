using System.Text.Json;
using Azure;

namespace Etransactions.Functions.Signing.KeyVault;

/// <summary>What Key Vault said in an error answer: <c>{"error": {"code": …, "message": …}}</c>, else the reason phrase.</summary>
internal static class KeyVaultError
{
    public static string Describe(Response response)
    {
        try
        {
            using var json = JsonDocument.Parse(response.Content.ToMemory());
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object)
            {
                var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                var message = error.TryGetProperty("message", out var m) ? m.GetString() : null;
                return $"{code}: {message}";
            }
        }
        catch (JsonException)
        {
            // Not JSON: a proxy's page, say.
        }

        return response.ReasonPhrase;
    }
}
