using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Etransactions.Functions.Identity;
using Etransactions.IntegrationTests.Support;
using Etransactions.Local.Identity;
using Etransactions.Local.Processes;

namespace Etransactions.IntegrationTests.Identity;

/// <summary>Tokens minted by the local host's development provider, checked by the app through <c>GET /api/me</c>.</summary>
public sealed class BearerTokenTests(TokensApp tokens, SharedAzurite azurite) : IClassFixture<TokensApp>
{
    private readonly AppHost _app = tokens.App;
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AMintedToken_IsAcceptedByTheApp_WhichAnswersTheActor()
    {
        var token = await DevTokens.MintAsync(_app.Http, "can-bo-12", "Lê Thị Thu", [Roles.Receiver, Roles.Processor], "000.00.00.H26");

        using var reply = await _app.Http.SendWithTokenAsync(HttpMethod.Get, "api/me", token);

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        var me = await reply.Content.ReadFromJsonAsync<JsonObject>(Cancellation);
        Assert.Equal("can-bo-12", me!["sub"]!.GetValue<string>());
        Assert.Equal("Lê Thị Thu", me["name"]!.GetValue<string>());
        Assert.Equal(["receiver", "processor"], me["roles"]!.AsArray().Select(role => role!.GetValue<string>()));
        Assert.Equal("000.00.00.H26", me["agency"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnApplicantsToken_HasNoAgency()
    {
        var token = await DevTokens.MintAsync(_app.Http, "cong-dan-3", "Phạm Văn An", [Roles.Applicant]);

        using var reply = await _app.Http.SendWithTokenAsync(HttpMethod.Get, "api/me", token);

        var me = await reply.Content.ReadFromJsonAsync<JsonObject>(Cancellation);
        Assert.Equal(["applicant"], me!["roles"]!.AsArray().Select(role => role!.GetValue<string>()));
        Assert.Null(me["agency"]);
    }

    [Fact]
    public async Task ATamperedToken_Is401_WithTheBearerChallenge()
    {
        var parts = (await DevTokens.MintAsync(_app.Http, "cong-dan-4", "Đỗ Minh", [Roles.Applicant])).Split('.');
        var payload = JsonNode.Parse(Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(parts[1])))!;
        payload["roles"] = new JsonArray("regulator");
        var forged = $"{parts[0]}.{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";

        using var reply = await _app.Http.SendWithTokenAsync(HttpMethod.Get, "api/me", forged);

        Assert.Equal(HttpStatusCode.Unauthorized, reply.StatusCode);
        Assert.Equal("Bearer error=\"invalid_token\"", reply.Headers.WwwAuthenticate.ToString());
        Assert.Contains("signature is not valid", await reply.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoToken_Is401()
    {
        using var reply = await _app.Http.GetAsync(new Uri("api/me", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, reply.StatusCode);
        Assert.Equal("Bearer", reply.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData("""{ "name": "A", "roles": ["applicant"] }""", "sub: required")]
    [InlineData("""{ "sub": "a", "roles": ["applicant"] }""", "name: required")]
    [InlineData("""{ "sub": "a", "name": " ", "roles": ["applicant"] }""", "name: must be a non-empty string")]
    [InlineData("""{ "sub": "a", "name": "A", "roles": ["janitor"] }""", "is not a role; the roles are applicant")]
    [InlineData("""{ "sub": "a", "name": "A", "roles": "applicant" }""", "roles: required, an array")]
    [InlineData("""{ "sub": "a", "name": "A", "roles": [] }""", "roles: required, an array")]
    [InlineData("""{ "sub": "a", "name": "A", "roles": ["receiver"], "agency": "../x" }""", "agency: an agency code")]
    [InlineData("""{ "sub": "a", "name": "A", "roles": ["applicant"], "expiresInMinutes": 0 }""", "expiresInMinutes: a whole number")]
    [InlineData("""{ "sub": "a", "name": "A", "role": ["applicant"] }""", "role: not a field")]
    [InlineData("""["applicant"]""", "the body must be a JSON object")]
    [InlineData("""{ "sub": """, "the body must be a JSON object")]
    public async Task ABadMintBody_Is400_SayingWhatIsWrong(string body, string problem)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var reply = await _app.Http.PostAsync(new Uri("admin/tokens", UriKind.Relative), content, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, reply.StatusCode);
        Assert.Contains(problem, await reply.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheProviderPublishesItsIssuerAndKey_UnderTheHostsOwnAddress()
    {
        var discovery = await _app.Http.GetFromJsonAsync<JsonObject>(new Uri("admin/oidc/.well-known/openid-configuration", UriKind.Relative), Cancellation);
        var keys = await _app.Http.GetFromJsonAsync<JsonObject>(new Uri("admin/oidc/jwks", UriKind.Relative), Cancellation);

        Assert.Equal(new Uri(_app.Host.BaseUri, "admin/oidc").AbsoluteUri, discovery!["issuer"]!.GetValue<string>());
        var key = Assert.Single(keys!["keys"]!.AsArray())!;
        Assert.Equal("RSA", key["kty"]!.GetValue<string>());
        Assert.Equal("RS256", key["alg"]!.GetValue<string>());
        Assert.False(key.AsObject().ContainsKey("d"), "the private key is never published");
    }

    [Fact]
    public async Task TokensLiveOnTheHostsClock_ADefaultOneOutlastsWeeks_AShortOneExpires()
    {
        var lasting = await DevTokens.MintAsync(_app.Http, "can-bo-5", "Vũ Hà", [Roles.Approver], "000.00.00.H26");
        using var minted = await _app.Http.PostAsJsonAsync(new Uri("admin/tokens", UriKind.Relative),
            new { sub = "can-bo-6", name = "Hồ Nam", roles = new[] { Roles.Signer }, expiresInMinutes = 60 }, Cancellation);
        var brief = (await minted.Content.ReadFromJsonAsync<JsonObject>(Cancellation))!;
        var clock = await _app.Http.GetFromJsonAsync<JsonObject>(new Uri("admin/clock", UriKind.Relative), Cancellation);
        var now = DateTimeOffset.Parse(clock!["now"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(DateTimeOffset.Parse(brief["expiresAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) - now, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));

        using var moved = await _app.Http.PostAsJsonAsync(new Uri("admin/clock", UriKind.Relative), new { now = now.AddDays(30) }, Cancellation);
        moved.EnsureSuccessStatusCode();

        using var stillValid = await _app.Http.SendWithTokenAsync(HttpMethod.Get, "api/me", lasting);
        using var expired = await _app.Http.SendWithTokenAsync(HttpMethod.Get, "api/me", brief["token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, stillValid.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Contains("The access token has expired", await expired.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAppHasNoRouteThatMintsTokens_OnlyTheHostDoes()
    {
        var functions = await _app.Http.GetFromJsonAsync<JsonArray>(new Uri("admin/functions", UriKind.Relative), Cancellation);

        var routes = functions!.Select(function => function!["route"]?.GetValue<string>()).OfType<string>().ToList();
        Assert.Contains("api/me", routes);
        Assert.DoesNotContain(routes, route => route.Contains("token", StringComparison.OrdinalIgnoreCase) || route.Contains("oidc", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(routes, route => route.StartsWith("admin", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void TheHostKnowsTheAppsRoles()
    {
        Assert.Equal(Roles.All, TokenRequest.KnownRoles);
    }

    [Fact]
    public async Task ATokenMintedBeforeARestart_IsStillValidAfterIt_OnTheSameData()
    {
        var data = TempFolder.Create("host");
        var port = LoopbackPort.Free();
        try
        {
            string token;
            await using (var first = await AppHost.StartAsync(azurite.ConnectionString, AppHost.FunctionsProject, dataFolder: data, port: port))
            {
                token = await DevTokens.MintAsync(first.Http, "cong-dan-9", "Ngô Bảo", [Roles.Applicant]);
            }
            Assert.True(File.Exists(Path.Combine(data, "local-host", DevelopmentKey.FileName)));

            await using var second = await AppHost.StartAsync(azurite.ConnectionString, AppHost.FunctionsProject, dataFolder: data, port: port);
            using var reply = await second.Http.SendWithTokenAsync(HttpMethod.Get, "api/me", token);

            Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        }
        finally
        {
            TempFolder.Delete(data);
        }
    }
}
