using Etransactions.Functions.Core;

namespace Etransactions.UnitTests.Core;

public class AppVersionTests
{
    [Fact]
    public void Current_IsTheBuildVersionWithoutTheCommit()
    {
        Assert.Equal("0.2.0", AppVersion.Current);
    }

    [Theory]
    [InlineData("0.2.0+71f08a5bf1d3", "0.2.0")]
    [InlineData("1.0.0-rc.1+abc", "1.0.0-rc.1")]
    [InlineData("0.2.0", "0.2.0")]
    [InlineData(null, "unknown")]
    public void FromInformational_StripsTheCommitSuffix(string? informational, string expected)
    {
        Assert.Equal(expected, AppVersion.FromInformational(informational));
    }
}
