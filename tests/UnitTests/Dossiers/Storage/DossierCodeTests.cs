using Etransactions.Functions.Core.Problems;
using Etransactions.Functions.Dossiers.Storage;

namespace Etransactions.UnitTests.Dossiers.Storage;

/// <summary><see cref="DossierCode"/>: the agency's code, the day of receipt and that day's sequence, read from the right.</summary>
public class DossierCodeTests
{
    [Theory]
    [InlineData("000.00.00.H26", 1, "000.00.00.H26-260312-0001")]
    [InlineData("000.00.00.H26", 9999, "000.00.00.H26-260312-9999")]
    [InlineData("000.00.00.H26", 12345, "000.00.00.H26-260312-12345")]
    [InlineData("SO-TP-HN", 7, "SO-TP-HN-260312-0007")]
    [InlineData("UBND-123456", 7, "UBND-123456-260312-0007")]
    [InlineData("H26.SO_TP-2024", 42, "H26.SO_TP-2024-260312-0042")]
    public void A_code_is_made_and_read_back_to_its_agency(string agency, int sequence, string code)
    {
        Assert.Equal(code, DossierCode.Of(agency, new DateOnly(2026, 3, 12), sequence));
        Assert.Equal(agency, DossierCode.AgencyOf(code));
    }

    [Fact]
    public void The_day_key_is_the_day_in_Vietnam()
    {
        Assert.Equal("260313", DossierCode.DayKey(new DateTimeOffset(2026, 3, 12, 17, 0, 0, TimeSpan.Zero)));
        Assert.Equal("260312", DossierCode.DayKey(new DateTimeOffset(2026, 3, 12, 16, 59, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("000.00.00.H26")]
    [InlineData("000.00.00.H26-2603-0001")]
    [InlineData("000.00.00.H26-260312-001")]
    [InlineData("000.00.00.H26-260312-0000001")]
    [InlineData("-260312-0001")]
    [InlineData("000.00.00.H26_260312_0001")]
    [InlineData("Sở Tư pháp-260312-0001")]
    [InlineData(".H26-260312-0001")]
    public void What_cannot_be_a_dossiers_code_is_404(string code)
    {
        Assert.Throws<NotFoundException>(() => DossierCode.AgencyOf(code));
    }
}
