using Etransactions.Functions.ApiKeys;

namespace Etransactions.UnitTests.ApiKeys;

public sealed class ApiKeyTests
{
    [Fact]
    public void New_NamesItsOwnerAndHashesAsStored()
    {
        var (key, hash) = ApiKey.New(ApiKey.AgencyPrefix, "000.00.00.H26");

        Assert.StartsWith("eta.000.00.00.H26.", key, StringComparison.Ordinal);
        Assert.Equal((ApiKey.AgencyPrefix, "000.00.00.H26"), ApiKey.Claimed(key));
        Assert.True(ApiKey.SameHash(hash, ApiKey.Hash(key)));
        Assert.NotEqual(key, ApiKey.New(ApiKey.AgencyPrefix, "000.00.00.H26").Key);
    }

    [Theory]
    [InlineData("")]
    [InlineData("eta.")]
    [InlineData("eta..secret")]
    [InlineData("eta.owner.")]
    [InlineData("xyz.owner.secret")]
    [InlineData("a-plain-key-of-the-regulator")]
    public void Claimed_IsNullForWhatIsNotAnAgencyOrPlatformKey(string key) => Assert.Null(ApiKey.Claimed(key));

    [Fact]
    public void Claimed_ReadsAPlatformKey() =>
        Assert.Equal((ApiKey.PlatformPrefix, "zalo"), ApiKey.Claimed("etp.zalo.c2VjcmV0"));
}
