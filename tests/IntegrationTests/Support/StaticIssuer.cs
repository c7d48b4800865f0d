using System.Security.Cryptography;
using Etransactions.Functions.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Etransactions.IntegrationTests.Support;

/// <summary>
/// A token issuer of the tests' own, for the app's real <see cref="BearerTokenAuthenticator"/> run without a
/// host: its OpenID Connect configuration (one RSA key) is held by a static configuration manager in place of
/// discovery, so nothing is fetched, and its tokens are signed RS256 with that key's private half for the
/// issuer and audience the authenticator is given, valid for an hour from the <c>now</c> they are signed at.
/// </summary>
internal static class StaticIssuer
{
    public const string Issuer = "https://issuer.etransactions.test/oidc";
    public const string Audience = "etransactions-integration-tests";

    private static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "integration-tests" };

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    private static readonly IConfigurationManager<OpenIdConnectConfiguration> Metadata =
        new StaticConfigurationManager<OpenIdConnectConfiguration>(new OpenIdConnectConfiguration { Issuer = Issuer, SigningKeys = { Key } });

    /// <summary>The app's authenticator, trusting this issuer, checking lifetimes on <paramref name="clock"/>.</summary>
    public static BearerTokenAuthenticator Authenticator(TimeProvider clock) => new(
        Options.Create(new IdentityOptions { Issuer = new Uri(Issuer), Audience = Audience }),
        Metadata,
        clock,
        NullLogger<BearerTokenAuthenticator>.Instance);

    /// <summary>A token for <paramref name="subject"/> with <paramref name="roles"/>, issued at <paramref name="now"/>.</summary>
    public static string Token(string subject, IReadOnlyList<string> roles, DateTimeOffset now) => Handler.CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        Claims = new Dictionary<string, object> { ["sub"] = subject, ["name"] = subject, ["roles"] = roles.ToArray() },
        IssuedAt = now.UtcDateTime,
        NotBefore = now.UtcDateTime,
        Expires = now.AddHours(1).UtcDateTime,
        SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
    });
}
