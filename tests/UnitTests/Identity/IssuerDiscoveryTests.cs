using System.Net;
using Etransactions.Functions.Core;
using Etransactions.Functions.Identity;
using Etransactions.UnitTests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Etransactions.UnitTests.Identity;

/// <summary>The issuer's keys read by OpenID Connect discovery from a provider on 127.0.0.1, as the app reads Entra ID's.</summary>
public sealed class IssuerDiscoveryTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KeysComeFromDiscovery_AndAKeyIdNotHeldMakesTheAppReadThemAgain()
    {
        var first = TestTokens.NewKey("key-1");
        var second = TestTokens.NewKey("key-2");
        var published = first;
        await using var provider = await StartAsync(() => published);
        var authenticator = Authenticator(provider.Issuer);

        var before = await authenticator.AuthenticateAsync(TestTokens.Request(Token(provider.Issuer, first)), Cancellation);
        published = second;
        var after = await authenticator.AuthenticateAsync(TestTokens.Request(Token(provider.Issuer, second)), Cancellation);

        Assert.Equal("s", before.Subject);
        Assert.Equal("s", after.Subject);
        Assert.Equal(2, provider.KeyReads);
    }

    [Fact]
    public async Task AnIssuerThatDoesNotAnswer_IsNoRefusalOfTheToken()
    {
        string issuer;
        await using (var gone = await StartAsync(() => TestTokens.NewKey("k")))
        {
            issuer = gone.Issuer;
        }
        var authenticator = Authenticator(issuer);

        await Assert.ThrowsAsync<TransientException>(() =>
            authenticator.AuthenticateAsync(TestTokens.Request(Token(issuer, TestTokens.NewKey("k"))), Cancellation));
    }

    private static string Token(string issuer, SecurityKey key)
    {
        var descriptor = TestTokens.Descriptor("s", "n", [Roles.Applicant], null, DateTimeOffset.UtcNow);
        descriptor.Issuer = issuer;
        descriptor.SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256);
        return TestTokens.Sign(descriptor);
    }

    private static BearerTokenAuthenticator Authenticator(string issuer)
    {
        var options = new IdentityOptions { Issuer = new Uri(issuer), Audience = TestTokens.Audience };
        return new(Options.Create(options), IssuerMetadata.Create(options), TimeProvider.System, NullLogger<BearerTokenAuthenticator>.Instance);
    }

    private static async Task<Provider> StartAsync(Func<RsaSecurityKey> key)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var provider = new Provider(app);
        app.MapGet("/oidc/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, string> { ["issuer"] = provider.Issuer, ["jwks_uri"] = $"{provider.Issuer}/jwks" }));
        app.MapGet("/oidc/jwks", () =>
        {
            provider.KeyReads++;
            var published = key();
            var rsa = published.Rsa.ExportParameters(false);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", kid = published.KeyId, n = Base64UrlEncoder.Encode(rsa.Modulus), e = Base64UrlEncoder.Encode(rsa.Exponent) } } });
        });
        await app.StartAsync(Cancellation);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        provider.Issuer = $"{address}/oidc";
        return provider;
    }

    private sealed class Provider(WebApplication app) : IAsyncDisposable
    {
        public string Issuer { get; set; } = "";

        public int KeyReads { get; set; }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
