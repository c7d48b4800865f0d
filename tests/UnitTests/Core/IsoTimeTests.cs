using Etransactions.Functions.Core;

namespace Etransactions.UnitTests.Core;

public class IsoTimeTests
{
    [Fact]
    public void Format_AnyOffset_IsUtcToTheMillisecond()
    {
        Assert.Equal("2025-06-30T19:30:00.120Z", IsoTime.Format(new DateTimeOffset(2025, 7, 1, 2, 30, 0, 120, TimeSpan.FromHours(7))));
    }
}
