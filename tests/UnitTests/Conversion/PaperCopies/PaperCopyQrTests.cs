using Etransactions.Functions.Conversion.PaperCopies;

namespace Etransactions.UnitTests.Conversion.PaperCopies;

public sealed class PaperCopyQrTests
{
    [Fact]
    public void Encode_GivesTheVersionLineThenOneFieldALine_TimeInUtcToTheSecond()
    {
        var qr = new PaperCopyQr("K7Q-M4T-ZP5", "Cổng dịch vụ công", "Giấy xác nhận\ncư trú", new DateTimeOffset(2026, 12, 2, 10, 4, 5, 678, TimeSpan.FromHours(7)), "SOTP/2026/3", "https://x.gov.vn/verify/K7Q-M4T-ZP5");

        Assert.Equal(
            "PC137/1\nC=K7Q-M4T-ZP5\nY=Cổng dịch vụ công\nD=Giấy xác nhận cư trú\nT=2026-12-02T03:04:05Z\nR=SOTP/2026/3\nU=https://x.gov.vn/verify/K7Q-M4T-ZP5",
            qr.Encode());
    }
}
