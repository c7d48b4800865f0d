using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Etransactions.Local.Identity;

/// <summary>
/// The local host's OpenID Connect provider, for development only: its discovery document and keys under
/// <c>/admin/oidc</c>, and tokens minted on request, issued and expiring on the host's movable clock so that a
/// walk-through that moves the clock weeks ahead keeps its tokens. The host points the app's AUTH_ISSUER and
/// AUTH_AUDIENCE here.
/// </summary>
public sealed class DevelopmentIssuer(RsaSecurityKey key, string issuer, TimeProvider clock)
{
    /// <summary>The audience of every token it mints, the app's AUTH_AUDIENCE in a local run.</summary>
    public const string Audience = "etransactions-local";

    public const string Path = "admin/oidc";

    private static readonly JsonWebTokenHandler Handler = new();

    /// <summary><c>http://127.0.0.1:{port}/admin/oidc</c>: under the host's own base address.</summary>
    public static string IssuerOf(Uri baseUri) => new Uri(baseUri, Path).AbsoluteUri;

    public string Issuer { get; } = issuer;

    public object Discovery() => new Dictionary<string, object>
    {
        ["issuer"] = Issuer,
        ["jwks_uri"] = $"{Issuer}/jwks",
        ["response_types_supported"] = new[] { "id_token" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.RsaSha256 },
        ["claims_supported"] = new[] { "sub", "name", "roles", "agency" },
    };

    public object Keys()
    {
        var rsa = key.Rsa.ExportParameters(includePrivateParameters: false);
        return new
        {
            keys = new[]
            {
                new { kty = "RSA", use = "sig", alg = SecurityAlgorithms.RsaSha256, kid = key.KeyId, n = Base64UrlEncoder.Encode(rsa.Modulus), e = Base64UrlEncoder.Encode(rsa.Exponent) },
            },
        };
    }

    public (string Token, DateTimeOffset ExpiresAt) Mint(TokenRequest request)
    {
        var now = clock.GetUtcNow();
        // Whole seconds: the claims are NumericDate, and expiresAt should say what exp says.
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        var expiresAt = now + request.Lifetime;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = request.Subject,
            ["name"] = request.Name,
            ["roles"] = request.Roles.ToArray(),
            ["jti"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        };
        if (request.Agency is { } agency)
        {
            claims["agency"] = agency;
        }
        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
        return (token, expiresAt);
    }
}
