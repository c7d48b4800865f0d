using Etransactions.Functions.Core.Problems;
using Etransactions.Functions.Identity;
using Etransactions.UnitTests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Etransactions.UnitTests.Identity;

public sealed class BearerTokenAuthenticatorTests
{
    // Years ahead of the system clock, as the local host's moved clock may be: only the app's clock counts.
    private static readonly DateTimeOffset Now = new(2031, 3, 10, 2, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Now);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnOfficersToken_GivesSubjectNameRolesAndAgency_LeavingUnknownRolesOut()
    {
        var token = TestTokens.Sign(TestTokens.Descriptor("can-bo-7", "Nguyễn Thị Hoa", [Roles.Receiver, Roles.Processor, "janitor"], "000.00.00.H26", Now));

        var actor = await Authenticator().AuthenticateAsync(TestTokens.Request(token), Cancellation);

        Assert.Equal("can-bo-7", actor.Subject);
        Assert.Equal("Nguyễn Thị Hoa", actor.Name);
        Assert.Equal([Roles.Processor, Roles.Receiver], actor.Roles.Order(StringComparer.Ordinal));
        Assert.Equal("000.00.00.H26", actor.Agency);
        Assert.True(actor.WorksFor("000.00.00.h26"));
    }

    [Fact]
    public async Task AnApplicantsToken_RolesAsOneString_NoAgency_NoName()
    {
        var descriptor = TestTokens.Descriptor("cong-dan-1", "", [], agency: null, Now);
        descriptor.Claims["roles"] = Roles.Applicant;
        descriptor.Claims.Remove("name");

        var actor = await Authenticator().AuthenticateAsync(TestTokens.Request(TestTokens.Sign(descriptor)), Cancellation);

        Assert.Equal([Roles.Applicant], actor.Roles);
        Assert.Null(actor.Agency);
        Assert.Equal("cong-dan-1", actor.Name);
    }

    [Fact]
    public async Task TheSchemeIsReadWithoutCase()
    {
        var token = TestTokens.For("s", "n", [Roles.Applicant], now: Now);

        var actor = await Authenticator().AuthenticateAsync(TestTokens.RequestWith($"bearer {token}"), Cancellation);

        Assert.Equal("s", actor.Subject);
    }

    [Fact]
    public async Task NoHeader_IsRefused_WithTheBearerChallenge()
    {
        var refused = await Assert.ThrowsAsync<UnauthorizedException>(() => Authenticator().AuthenticateAsync(TestTokens.RequestWith(null), Cancellation));

        Assert.Equal("Bearer", refused.Challenge);
        Assert.Contains("Send your access token in the header Authorization: Bearer", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Gửi mã truy cập", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer   ")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.e30.c2ln")]
    public async Task NotABearerHeader_IsRefused(string header)
    {
        var refused = await Assert.ThrowsAsync<UnauthorizedException>(() => Authenticator().AuthenticateAsync(TestTokens.RequestWith(header), Cancellation));

        Assert.Contains("The Authorization header must be Bearer and the access token", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")]
    public async Task Garbage_IsRefusedAsUnreadableOrUnsigned(string token)
    {
        var refused = await Refused(TestTokens.Request(token));

        Assert.Equal("Bearer error=\"invalid_token\"", refused.Challenge);
        Assert.Matches("cannot be read|signature is not valid", refused.Message);
    }

    [Fact]
    public async Task ATokenSignedByAnotherKey_UnderTheSameKeyId_IsRefused()
    {
        var descriptor = TestTokens.Descriptor("s", "n", [Roles.Applicant], null, Now);
        descriptor.SigningCredentials = new SigningCredentials(TestTokens.NewKey(TestTokens.Key.KeyId!), SecurityAlgorithms.RsaSha256);

        var refused = await Refused(TestTokens.Request(TestTokens.Sign(descriptor)));

        Assert.Contains("The access token's signature is not valid", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATamperedPayload_IsRefused()
    {
        var parts = TestTokens.For("s", "n", [Roles.Applicant], now: Now).Split('.');
        var payload = Base64UrlEncoder.Encode(Base64UrlEncoder.DecodeBytes(parts[1]).Select(b => b == (byte)'s' ? (byte)'t' : b).ToArray());

        var refused = await Refused(TestTokens.Request($"{parts[0]}.{payload}.{parts[2]}"));

        Assert.Contains("signature is not valid", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherIssuer_IsRefused()
    {
        var descriptor = TestTokens.Descriptor("s", "n", [Roles.Applicant], null, Now);
        descriptor.Issuer = "https://someone-else.test/oidc";

        var refused = await Refused(TestTokens.Request(TestTokens.Sign(descriptor)));

        Assert.Contains("The access token was not issued by the trusted issuer", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherAudience_IsRefused()
    {
        var descriptor = TestTokens.Descriptor("s", "n", [Roles.Applicant], null, Now);
        descriptor.Audience = "another-app";

        var refused = await Refused(TestTokens.Request(TestTokens.Sign(descriptor)));

        Assert.Contains("The access token is not meant for this system", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpiredByTheAppsClock_IsRefused_ThoughTheSystemClockSaysItIsNotYetValid()
    {
        var token = TestTokens.For("s", "n", [Roles.Applicant], now: Now);
        var authenticator = Authenticator();
        Assert.Equal("s", (await authenticator.AuthenticateAsync(TestTokens.Request(token), Cancellation)).Subject);

        _clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(6));
        var refused = await Assert.ThrowsAsync<UnauthorizedException>(() => authenticator.AuthenticateAsync(TestTokens.Request(token), Cancellation));

        Assert.Contains("The access token has expired", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotYetValidByTheAppsClock_IsRefused()
    {
        var token = TestTokens.For("s", "n", [Roles.Applicant], now: Now.AddHours(2));

        var refused = await Refused(TestTokens.Request(token));

        Assert.Contains("The access token is not valid yet", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATokenWithoutExpiry_IsRefused()
    {
        var descriptor = TestTokens.Descriptor("s", "n", [Roles.Applicant], null, Now);
        descriptor.Expires = null;

        var refused = await Refused(TestTokens.Request(TestTokens.Sign(descriptor)));

        Assert.Contains("has no expiry", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATokenWithoutSubject_IsRefused()
    {
        var descriptor = TestTokens.Descriptor("s", "n", [Roles.Applicant], null, Now);
        descriptor.Claims.Remove("sub");

        var refused = await Refused(TestTokens.Request(TestTokens.Sign(descriptor)));

        Assert.Contains("names no subject (sub)", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAgencyThatIsNoAgencyCode_IsRefused()
    {
        var token = TestTokens.Sign(TestTokens.Descriptor("s", "n", [Roles.Receiver], "../other", Now));

        var refused = await Refused(TestTokens.Request(token));

        Assert.Contains("agency is not an agency code", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnHmacToken_IsRefused_EvenKeyedWithThePublishedKeysBytes()
    {
        var descriptor = TestTokens.Descriptor("s", "n", [Roles.Applicant], null, Now);
        var published = TestTokens.Key.Rsa.ExportRSAPublicKey();
        descriptor.SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(published) { KeyId = TestTokens.Key.KeyId }, SecurityAlgorithms.HmacSha256);

        var refused = await Refused(TestTokens.Request(TestTokens.Sign(descriptor)));

        Assert.Contains("signature is not valid", refused.Message, StringComparison.Ordinal);
    }

    private async Task<UnauthorizedException> Refused(Microsoft.AspNetCore.Http.HttpRequest request) =>
        await Assert.ThrowsAsync<UnauthorizedException>(() => Authenticator().AuthenticateAsync(request, Cancellation));

    private BearerTokenAuthenticator Authenticator(IConfigurationManager<OpenIdConnectConfiguration>? metadata = null) => new(
        Options.Create(new IdentityOptions { Issuer = new Uri(TestTokens.Issuer), Audience = TestTokens.Audience }),
        metadata ?? TestTokens.IssuerMetadata,
        _clock,
        NullLogger<BearerTokenAuthenticator>.Instance);
}
