using Etransactions.Functions.Register;

namespace Etransactions.UnitTests.Register;

public sealed class RegisterNumberTests
{
    [Fact]
    public void ToString_IsAgencyYearAndSequence()
    {
        Assert.Equal("000.00.00.H26/2026/17", new RegisterNumber("000.00.00.H26", 2026, 17).ToString());
    }

    [Theory]
    [InlineData("2026-12-31T16:59:59Z", 2026)]
    [InlineData("2026-12-31T17:00:00Z", 2027)] // midnight of 1 January in Vietnam: the sequence restarts
    public void YearOf_IsTheYearInVietnam(string instant, int year)
    {
        Assert.Equal(year, RegisterNumber.YearOf(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("SOTP-HN", "2026", "1", true)]
    [InlineData("SOTP-HN", "2026", "0", false)]
    [InlineData("SOTP-HN", "26", "1", false)]
    [InlineData("SOTP-HN", "2026", "-1", false)]
    [InlineData("SOTP-HN", "2026", "1.5", false)]
    [InlineData("SỞ TƯ PHÁP", "2026", "1", false)]
    [InlineData("", "2026", "1", false)]
    public void TryFrom_TakesOnlyWhatANumberHolds(string agency, string year, string sequence, bool valid)
    {
        Assert.Equal(valid, RegisterNumber.TryFrom(agency, year, sequence) is not null);
    }

    [Fact]
    public void PartitionOf_HoldsNoCharacterTableKeysRefuse()
    {
        var partition = RegisterNumber.PartitionOf("000.00.00.H26", 2026);

        Assert.Equal("000.00.00.H26|2026", partition);
        Assert.DoesNotContain(partition, character => character is '/' or '\\' or '#' or '?');
    }
}
