using System.Text;
using Etransactions.Functions.Conversion;
using Etransactions.Functions.Conversion.Requests;

namespace Etransactions.UnitTests.Conversion.Requests;

public sealed class ConversionRequestTests
{
    private const string Converter = "Sở Tư pháp Hà Nội";
    private static readonly string Encoded = BlobMetadata.Encode(Converter);

    private static ConversionRequest Read(params (string Key, string Value)[] metadata) =>
        ConversionRequest.FromMetadata(metadata.ToDictionary(pair => pair.Key, pair => pair.Value));

    [Fact]
    public void FromMetadata_DecodesTheConverterAndAppliesTheDefaults()
    {
        var request = Read(("converter", Encoded));

        Assert.Equal(Converter, request.Converter.Value);
        Assert.Equal(("general", false, false, true, "vie+eng"), (request.Purpose, request.Sign, request.SignRequiredByPurpose, request.Qr, request.Language));
        Assert.Equal("S%E1%BB%9F%20T%C6%B0%20ph%C3%A1p%20H%C3%A0%20N%E1%BB%99i", Encoded);
    }

    [Fact]
    public void FromMetadata_NormalisesToNfcAndReadsKeysInAnyCase() =>
        Assert.Equal(Converter, Read(("Converter", Uri.EscapeDataString(Converter.Normalize(NormalizationForm.FormD)))).Converter.Value);

    [Fact]
    public void FromMetadata_CollapsesWhiteSpaceInTheName() =>
        Assert.Equal(Converter, Read(("converter", Uri.EscapeDataString("  Sở Tư\tpháp \n Hà Nội "))).Converter.Value);

    [Fact]
    public void FromMetadata_SignsWhenAskedAndWhenThePurposeNeedsLegalValue()
    {
        Assert.True(Read(("converter", Encoded), ("sign", "true")).Sign);
        foreach (var purpose in new[] { "administrative-procedure", "certification" })
        {
            var request = Read(("converter", Encoded), ("purpose", purpose), ("sign", "false"));
            Assert.Equal((purpose, true, true), (request.Purpose, request.Sign, request.SignRequiredByPurpose));
        }
        var plain = Read(("converter", Encoded), ("qr", "FALSE"), ("language", "eng"));
        Assert.Equal((false, "eng"), (plain.Qr, plain.Language));
    }

    [Theory]
    [InlineData(null, null, null, "missing-converter")]
    [InlineData("", null, null, "missing-converter")]
    [InlineData("%20%20", null, null, "missing-converter")]
    [InlineData("S%E1%BB", null, null, "bad-metadata-encoding")]
    [InlineData("%ZZ", null, null, "bad-metadata-encoding")]
    [InlineData("a%07b", null, null, "bad-converter")]
    [InlineData("LONG", null, null, "bad-converter")]
    [InlineData("OK", "purpose", "marketing", "bad-purpose")]
    [InlineData("OK", "language", "fra", "bad-language")]
    [InlineData("OK", "language", "vie+vie", "bad-language")]
    [InlineData("OK", "language", "vie+", "bad-language")]
    [InlineData("OK", "sign", "yes", "bad-flag")]
    [InlineData("OK", "qr", "1", "bad-flag")]
    public void FromMetadata_RejectsEachBadValueWithReasonsInBothLanguages(string? converter, string? key, string? value, string code)
    {
        var metadata = new Dictionary<string, string>();
        if (converter is not null)
        {
            metadata["converter"] = converter switch { "OK" => Encoded, "LONG" => new string('x', 301), _ => converter };
        }
        if (key is not null)
        {
            metadata[key] = value!;
        }

        var rejected = Assert.Throws<ScanRejectedException>(() => ConversionRequest.FromMetadata(metadata));

        Assert.Equal(code, rejected.Code);
        Assert.True(rejected.ReasonVi.Length > 10 && rejected.ReasonEn.Length > 10);
    }
}
