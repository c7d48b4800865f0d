namespace Etransactions.Local.Identity;

/// <summary>
/// The development provider's routes on the host's public endpoint, beside the rest of the admin API: its
/// discovery document and keys, which the app reads as it would Entra ID's, and <c>POST /admin/tokens</c>.
/// They exist in this process only; the functions app has no route that mints a token.
/// </summary>
public static class TokenEndpoints
{
    public static void Map(WebApplication app, DevelopmentIssuer issuer)
    {
        app.MapGet($"/{DevelopmentIssuer.Path}/.well-known/openid-configuration", () => Results.Json(issuer.Discovery()));
        app.MapGet($"/{DevelopmentIssuer.Path}/jwks", () => Results.Json(issuer.Keys()));
        app.MapPost("/admin/tokens", async (HttpRequest request) =>
        {
            var (parsed, errors) = TokenRequest.Read(await ReadJsonAsync(request));
            if (parsed is null)
            {
                return Results.Problem(statusCode: 400, title: "Invalid token request", detail: string.Join("; ", errors),
                    extensions: new Dictionary<string, object?> { ["errors"] = errors });
            }
            var (token, expiresAt) = issuer.Mint(parsed);
            return Results.Ok(new { token, expiresAt });
        });
    }

    private static async Task<JsonNode?> ReadJsonAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
