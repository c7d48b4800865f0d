using System.Text;
using Etransactions.Functions.Conversion.Documents.Pdf;

namespace Etransactions.UnitTests.Conversion.Pdf;

public sealed class SymbolLinesTests
{
    private static readonly SymbolBlock Symbol = new(
        "Thông điệp dữ liệu được chuyển đổi từ văn bản giấy",
        "Data message converted from a paper document",
        new DateTimeOffset(2025, 12, 31, 20, 30, 0, TimeSpan.Zero),
        "Sở Tư pháp Hà Nội".Normalize(NormalizationForm.FormD),
        "K7Q-M4T-ZP5",
        null);

    [Fact]
    public void Of_Symbol_GivesTheFiveLinesVietnameseFirst()
    {
        var lines = SymbolLines.Of(Symbol).Select(line => line.Text).ToList();

        Assert.Equal(
            [
                "THÔNG ĐIỆP DỮ LIỆU ĐƯỢC CHUYỂN ĐỔI TỪ VĂN BẢN GIẤY",
                "Data message converted from a paper document",
                "Thời điểm chuyển đổi / Time of conversion: 01/01/2026 03:30:00 (UTC+07:00)",
                "Cơ quan, tổ chức, cá nhân chuyển đổi / Converted by: Sở Tư pháp Hà Nội",
                "Mã tra cứu / Lookup code: K7Q-M4T-ZP5",
            ],
            lines);
        Assert.All(lines, line => Assert.True(line.IsNormalized(NormalizationForm.FormC)));
    }

    [Fact]
    public void VietnamTime_AnyOffset_ShowsTheSameInstantAtUtcPlusSeven()
    {
        var instant = new DateTimeOffset(2025, 3, 14, 4, 5, 9, TimeSpan.FromHours(-5));

        Assert.Equal("14/03/2025 16:05:09", SymbolLines.VietnamTime(instant));
    }
}
