using Etransactions.Functions.Platforms;
using Etransactions.UnitTests.Support;

namespace Etransactions.UnitTests.Platforms;

public sealed class PlatformsOptionsTests
{
    [Fact]
    public void MaxBodyBytes_Unset_Is64KiB_AndOutOfRange_StopsTheAppNamingIt()
    {
        var settings = AppStart.LocalSettings();
        Assert.Empty(AppStart.Failures(settings));

        settings["PLATFORMS_MAX_BODY_BYTES"] = "100";
        Assert.Equal(["App setting PLATFORMS_MAX_BODY_BYTES: must be a whole number from 1024 to 1048576, got \"100\""], AppStart.Failures(settings));
        Assert.Equal(65536, PlatformsOptions.DefaultMaxBodyBytes);
    }
}
