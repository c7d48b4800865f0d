using Etransactions.Functions.Conversion;
using Etransactions.Functions.Conversion.Requests;

namespace Etransactions.UnitTests.Conversion.Requests;

public sealed class ScanLocationTests
{
    [Fact]
    public void Parse_ReadsTheAgencyCodeAndExtension()
    {
        Assert.Equal(
            new ScanLocation("scans/000.00.00.H26/2025/03/giay-phep.PDF", "000.00.00.H26/2025/03/giay-phep.PDF", "000.00.00.H26", "pdf"),
            ScanLocation.Parse("scans/000.00.00.H26/2025/03/giay-phep.PDF"));
        Assert.Equal("scans/STP-HN/a.jpeg", ScanLocation.Parse("STP-HN/a.jpeg").BlobPath);
        Assert.Equal("scans/STP-HN/a.jpeg", ScanLocation.Parse("/scans/STP-HN/a.jpeg").BlobPath);
    }

    [Theory]
    [InlineData("scans/giay-phep.pdf", "bad-path")]
    [InlineData("scans/STP/", "bad-path")]
    [InlineData("scans/ST#P/a.pdf", "bad-path")]
    [InlineData("scans/STP/a.docx", "unsupported-type")]
    [InlineData("scans/STP/noextension", "unsupported-type")]
    public void Parse_RejectsAPathWithoutAgencyOrNameOrWithAnotherExtension(string path, string code)
    {
        var rejected = Assert.Throws<ScanRejectedException>(() => ScanLocation.Parse(path));

        Assert.Equal(code, rejected.Code);
        Assert.NotEqual(rejected.ReasonVi, rejected.ReasonEn);
    }

    [Fact]
    public void Parse_NamesTheExtensionItRefuses() =>
        Assert.Contains("\"docx\"", Assert.Throws<ScanRejectedException>(() => ScanLocation.Parse("scans/STP/a.docx")).ReasonVi, StringComparison.Ordinal);
}
