using System.Text;
using Etransactions.Functions.Conversion.Messages;

namespace Etransactions.UnitTests.Conversion.Messages;

public sealed class QrPayloadTests
{
    private static readonly QrPayload Payload = new(
        "7KQ-M4T-ZP5",
        new DateTimeOffset(2025, 3, 14, 9, 5, 9, 123, TimeSpan.Zero),
        "Sở Tư pháp Hà Nội",
        "Thông điệp dữ liệu được chuyển đổi từ văn bản giấy",
        "https://example.gov.vn/api/data-messages/7KQ-M4T-ZP5");

    [Fact]
    public void Encode_WritesTheDocumentedLinesWithTheTimeInUtcToTheSecond() =>
        Assert.Equal(
            string.Join('\n',
                "DM137/1",
                "C=7KQ-M4T-ZP5",
                "T=2025-03-14T09:05:09Z",
                "N=Sở Tư pháp Hà Nội",
                "S=Thông điệp dữ liệu được chuyển đổi từ văn bản giấy",
                "U=https://example.gov.vn/api/data-messages/7KQ-M4T-ZP5"),
            Payload.Encode());

    [Fact]
    public void Decode_ReadsBackWhatEncodeWroteInNfc()
    {
        var decomposed = Payload with { Converter = Payload.Converter.Normalize(NormalizationForm.FormD) };

        var decoded = QrPayload.Decode(decomposed.Encode());

        Assert.Equal(Payload with { ConvertedAt = new DateTimeOffset(2025, 3, 14, 9, 5, 9, TimeSpan.Zero) }, decoded);
        Assert.True(decoded.Converter.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Decode_TakesLinesInAnyOrderWithCrlfAndIgnoresLaterKeys()
    {
        var text = string.Join("\r\n", "DM137/1", "U=https://x.vn/a", "X=later field", "N=Nguyễn Văn A", "S=Ký hiệu", "T=2025-01-01T00:00:00Z", "C=AB");

        var decoded = QrPayload.Decode(text);

        Assert.Equal(("AB", "Nguyễn Văn A", "https://x.vn/a"), (decoded.Code, decoded.Converter, decoded.VerifyUrl));
    }

    [Theory]
    [InlineData("https://example.gov.vn", "no DM137 header")]
    [InlineData("DM137/2\nC=A", "version 2")]
    public void Decode_RefusesOtherFormatsAndVersions(string text, string reason) =>
        Assert.Contains(reason, Assert.Throws<InvalidQrPayloadException>(() => QrPayload.Decode(text)).Message, StringComparison.Ordinal);

    [Fact]
    public void Decode_RefusesMissingFieldsAndBadTimes()
    {
        var encoded = Payload.Encode();

        Assert.Contains("lacks N", Assert.Throws<InvalidQrPayloadException>(() => QrPayload.Decode(encoded.Replace("\nN=Sở Tư pháp Hà Nội", "", StringComparison.Ordinal))).Message, StringComparison.Ordinal);
        Assert.Contains("UTC", Assert.Throws<InvalidQrPayloadException>(() => QrPayload.Decode(encoded.Replace("T=2025-03-14T09:05:09Z", "T=14/03/2025", StringComparison.Ordinal))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_RefusesValuesItCannotCarry()
    {
        Assert.Contains("line break", Assert.Throws<InvalidQrPayloadException>(() => (Payload with { Converter = "Sở Tư pháp\nHà Nội" }).Encode()).Message, StringComparison.Ordinal);
        Assert.Contains("empty", Assert.Throws<InvalidQrPayloadException>(() => (Payload with { Code = "  " }).Encode()).Message, StringComparison.Ordinal);
    }
}
