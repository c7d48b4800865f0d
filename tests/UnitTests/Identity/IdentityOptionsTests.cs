using Etransactions.UnitTests.Support;

namespace Etransactions.UnitTests.Identity;

public sealed class IdentityOptionsTests
{
    [Fact]
    public void IssuerAndAudience_AreRequired()
    {
        Assert.Equal(
            ["App setting AUTH_ISSUER: is missing", "App setting AUTH_AUDIENCE: is missing"],
            AppStart.Failures(("AUTH_ISSUER", ""), ("AUTH_AUDIENCE", " ")));
    }

    [Theory]
    [InlineData("https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0")]
    [InlineData("http://127.0.0.1:7071/admin/oidc")]
    [InlineData("http://localhost:5000/")]
    public void AnHttpsIssuer_OrPlainHttpToThisMachine_IsAccepted(string issuer)
    {
        Assert.Empty(AppStart.Failures(("AUTH_ISSUER", issuer)));
    }

    [Theory]
    [InlineData("http://issuer.example.vn/oidc", "must be an https:// URL (http only to a loopback address)")]
    [InlineData("https://issuer.example.vn/oidc?tenant=1", "must have no query or fragment")]
    [InlineData("issuer.example.vn", "must be an absolute URL")]
    public void OtherIssuers_StopTheAppNamingTheSetting(string issuer, string problem)
    {
        var failure = Assert.Single(AppStart.Failures(("AUTH_ISSUER", issuer)));

        Assert.StartsWith($"App setting AUTH_ISSUER: {problem}", failure, StringComparison.Ordinal);
    }
}
