using Etransactions.Functions.Conversion;
using Etransactions.Functions.Conversion.Electronic;

namespace Etransactions.UnitTests.Conversion.Electronic;

public sealed class DocumentRequestTests
{
    [Fact]
    public void FromMetadata_DecodesAndTidiesTitleAndIssuer()
    {
        var request = DocumentRequest.FromMetadata(new Dictionary<string, string>
        {
            ["Title"] = Uri.EscapeDataString("  Quyết định   số 12 "),
            ["issuer"] = Uri.EscapeDataString("UBND phường Tràng Tiền"),
        });

        Assert.Equal(new DocumentRequest("Quyết định số 12", "UBND phường Tràng Tiền"), request);
    }

    [Theory]
    [InlineData(null, "UBND", "missing-title")]
    [InlineData("Công văn", "", "missing-issuer")]
    [InlineData("Công%07văn", "UBND", "bad-title")]
    [InlineData("Công%ZZ", "UBND", "bad-metadata-encoding")]
    public void FromMetadata_Refuses_WithItsCode(string? title, string issuer, string code)
    {
        var metadata = new Dictionary<string, string> { ["issuer"] = issuer };
        if (title is not null)
        {
            metadata["title"] = title;
        }

        Assert.Equal(code, Assert.Throws<ScanRejectedException>(() => DocumentRequest.FromMetadata(metadata)).Code);
    }

    [Fact]
    public void FromMetadata_TitleOver300Characters_IsRefused()
    {
        var metadata = new Dictionary<string, string> { ["title"] = new string('a', 301), ["issuer"] = "UBND" };

        Assert.Equal("bad-title", Assert.Throws<ScanRejectedException>(() => DocumentRequest.FromMetadata(metadata)).Code);
    }

    [Theory]
    [InlineData("documents/SOTP-HN/2026/qd.pdf", "SOTP-HN")]
    [InlineData("SOTP-HN/qd.PDF", "SOTP-HN")]
    public void Location_Parse_FindsTheAgency(string path, string agency)
    {
        Assert.Equal(agency, DocumentLocation.Parse(path).AgencyCode);
    }

    [Theory]
    [InlineData("documents/qd.pdf", "bad-path")]
    [InlineData("documents/SOTP-HN/qd.docx", "unsupported-type")]
    public void Location_Parse_Refuses(string path, string code)
    {
        Assert.Equal(code, Assert.Throws<ScanRejectedException>(() => DocumentLocation.Parse(path)).Code);
    }
}
