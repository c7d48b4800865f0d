using System.Text;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Platforms.Keys;
using Etransactions.Functions.Platforms.Registry;

namespace Etransactions.UnitTests.Platforms;

/// <summary>What makes two platforms the same, and the seal that keeps a new key for its one replay.</summary>
public sealed class RegistryRulesTests
{
    [Theory]
    [InlineData("Chợ Phiên Online", "  CHỢ PHIÊN   online ")]
    [InlineData("Sàn Việt", "sa\u0300n vie\u0323\u0302t")] // the same letters, decomposed (NFD)
    public void NameKey_CaseSpacesAndNormalisation_AreIgnored(string name, string sameName) =>
        Assert.Equal(UniqueKeys.NameKey(name), UniqueKeys.NameKey(sameName));

    [Theory]
    [InlineData("https://www.chophien.example.vn/", "http://chophien.example.vn")]
    [InlineData("https://Shop.Example.vn/gian-hang/", "https://shop.example.vn/gian-hang?ref=ads")]
    public void WebsiteKey_SchemeWwwQueryAndATrailingSlash_AreIgnored(string website, string sameWebsite) =>
        Assert.Equal(UniqueKeys.WebsiteKey(website), UniqueKeys.WebsiteKey(sameWebsite));

    [Fact]
    public void WebsiteKey_APathMakesAnotherWebsite() =>
        Assert.NotEqual(UniqueKeys.WebsiteKey("https://example.vn/a"), UniqueKeys.WebsiteKey("https://example.vn/b"));

    [Fact]
    public void SealedKey_OpensWithTheSameIdempotencyKeyAndPlatformOnly()
    {
        const string apiKey = "etp.377d4c13-0000-4000-8000-000000000001.c2VjcmV0";
        var idempotency = Guid.NewGuid().ToString();

        var sealedKey = SealedKey.Seal(apiKey, idempotency, "p1");

        Assert.Equal(apiKey, SealedKey.Open(sealedKey, idempotency, "p1"));
        Assert.Null(SealedKey.Open(sealedKey, idempotency + "x", "p1"));
        Assert.Null(SealedKey.Open(sealedKey, idempotency, "p2"));
        Assert.DoesNotContain("c2VjcmV0", Encoding.Latin1.GetString(sealedKey), StringComparison.Ordinal);
        Assert.NotEqual(sealedKey, SealedKey.Seal(apiKey, idempotency, "p1"));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("short-key-15-ch")]
    [InlineData("with a space in it, long enough")]
    public void IdempotencyKey_ShortOrNotVisibleAscii_IsRefusedNamingTheHeader(string header)
    {
        var invalid = Assert.Throws<Etransactions.Functions.Core.Problems.ValidationFailedException>(() => IdempotencyKey.Require(header));
        Assert.Equal("Idempotency-Key", invalid.Errors.Single().Field);
    }
}
