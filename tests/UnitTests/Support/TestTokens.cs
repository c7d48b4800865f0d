using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Etransactions.UnitTests.Support;

/// <summary>
/// Bearer tokens that the services of <see cref="AppStart"/> accept, for unit tests of HTTP functions without a
/// host. AppStart's settings name <see cref="Issuer"/> as AUTH_ISSUER and <see cref="Audience"/> as
/// AUTH_AUDIENCE, and AppStart registers <see cref="IssuerMetadata"/> (a fixed OpenID Connect configuration
/// holding this class's public key) in place of discovery, so no document is fetched; tokens are signed
/// RS256 with the private half of <see cref="Key"/>.
/// </summary>
internal static class TestTokens
{
    public const string Issuer = "https://issuer.etransactions.test/oidc";
    public const string Audience = "etransactions-tests";

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public static RsaSecurityKey Key { get; } = NewKey("test-key");

    public static IConfigurationManager<OpenIdConnectConfiguration> IssuerMetadata { get; } =
        new StaticConfigurationManager<OpenIdConnectConfiguration>(Configuration(Key));

    /// <summary>A token for the actor, valid for an hour from <paramref name="now"/> (the system clock's now by default).</summary>
    public static string For(string sub, string name, IReadOnlyList<string> roles, string? agency = null, DateTimeOffset? now = null) =>
        Sign(Descriptor(sub, name, roles, agency, now ?? DateTimeOffset.UtcNow));

    /// <summary>What <see cref="For"/> signs, for a test to change one thing of before <see cref="Sign"/>.</summary>
    public static SecurityTokenDescriptor Descriptor(string sub, string name, IReadOnlyList<object> roles, string? agency, DateTimeOffset now)
    {
        var claims = new Dictionary<string, object> { ["sub"] = sub, ["name"] = name, ["roles"] = roles.ToArray() };
        if (agency is not null)
        {
            claims["agency"] = agency;
        }
        return new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.AddHours(1).UtcDateTime,
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
        };
    }

    public static string Sign(SecurityTokenDescriptor descriptor) => Handler.CreateToken(descriptor);

    public static RsaSecurityKey NewKey(string keyId) => new(RSA.Create(2048)) { KeyId = keyId };

    public static OpenIdConnectConfiguration Configuration(params SecurityKey[] keys)
    {
        var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
        foreach (var key in keys)
        {
            configuration.SigningKeys.Add(key);
        }
        return configuration;
    }

    /// <summary>A GET request carrying the token as <c>Authorization: Bearer</c>.</summary>
    public static HttpRequest Request(string token) => RequestWith($"Bearer {token}");

    public static HttpRequest RequestWith(string? authorization)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }
        return context.Request;
    }
}
