using System.Text.RegularExpressions;
using Etransactions.Functions.Conversion.PaperCopies;
using Etransactions.Functions.Conversion.PaperCopies.Pdf;
using Etransactions.IntegrationTests.Conversion.Pipeline;
using Etransactions.TestSupport;
using Etransactions.TestSupport.Scans;

namespace Etransactions.IntegrationTests.Conversion.PaperCopies;

/// <summary>A paper copy as a reader's tools see it: pdfinfo, pdftotext, zbarimg, qpdf.</summary>
public sealed partial class PaperCopyBuilderTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 3, 4, 5, TimeSpan.Zero);

    private static readonly PaperBand Band = new(
        At, "Nguyễn Thị Hồng Nhung", "Cổng dịch vụ công tỉnh Hà Giang", "Văn phòng Ủy ban nhân dân tỉnh Hà Giang",
        "K7Q-M4T-ZP5", "SOTP-HG/2026/17", "https://dvc.example.gov.vn/verify/K7Q-M4T-ZP5", "Giấy xác nhận cư trú",
        new PaperCopyQr("K7Q-M4T-ZP5", "Cổng dịch vụ công tỉnh Hà Giang", "Giấy xác nhận cư trú", At, "SOTP-HG/2026/17", "https://dvc.example.gov.vn/verify/K7Q-M4T-ZP5").Encode());

    private static readonly KeyValuePair<string, string>[] Fields =
    [
        new("RegisterNumber", "SOTP-HG/2026/17"),
        new("Direction", "data-message-to-paper"),
        new("Converter", "Nguyễn Thị Hồng Nhung & Co <test>"),
        new("InputSha256", new string('a', 64)),
    ];

    [Fact]
    public async Task Build_ThreeA4Pages_GivesThreeA4PagesEachWithTheWholeBandBelowTheContent()
    {
        var original = PaperPdf.Build([["Trang một của văn bản gốc", "Dòng cuối cùng ở đáy trang"], ["Trang hai"], ["Trang ba"]]);

        var copy = PaperCopyBuilder.Build(original, Band, Fields);

        var info = await PdfChecks.InfoAsync(copy.Pdf);
        Assert.Equal(3, copy.PageCount);
        Assert.Contains("Pages:           3", info, StringComparison.Ordinal);
        Assert.Matches(@"Page size:\s+595\.2\d x 841\.8\d pts \(A4\)", info);
        for (var page = 1; page <= 3; page++)
        {
            var text = await PdfChecks.PageTextAsync(copy.Pdf, page);
            Assert.Contains(PaperCopySymbol.Both, text, StringComparison.Ordinal);
            Assert.Contains("02/12/2026 10:04:05 (UTC+07:00)", text, StringComparison.Ordinal);
            Assert.Contains("Nguyễn Thị Hồng Nhung", text, StringComparison.Ordinal);
            Assert.Contains("Cổng dịch vụ công tỉnh Hà Giang", text, StringComparison.Ordinal);
            Assert.Contains("Văn phòng Ủy ban nhân dân tỉnh Hà Giang", text, StringComparison.Ordinal);
            Assert.Contains("K7Q-M4T-ZP5", text, StringComparison.Ordinal);
            Assert.Contains("SOTP-HG/2026/17", text, StringComparison.Ordinal);
            Assert.Contains("https://dvc.example.gov.vn/verify/K7Q-M4T-ZP5", text, StringComparison.Ordinal);
            Assert.Contains($"Trang / Page {page}/3", text, StringComparison.Ordinal);
        }
        Assert.Contains("Dòng cuối cùng ở đáy trang", await PdfChecks.PageTextAsync(copy.Pdf, 1), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_TheBandNeverCoversTheContent_TheLowestLineOfTheOriginalIsAboveTheBand()
    {
        // A line printed at the very bottom of the original page.
        var lines = Enumerable.Range(1, 23).Select(i => $"Dòng {i}").ToList();
        var original = PaperPdf.Build([lines]);

        var copy = PaperCopyBuilder.Build(original, Band, Fields);

        var words = await WordsAsync(copy.Pdf);
        var lowestContent = words.Where(word => word.Text == "23").Max(word => word.YMax);
        var bandTop = words.Where(word => word.Text == "Văn").Min(word => word.YMin);
        var qrBottom = 22.68 + 90;
        var highestContent = words.Where(word => word.Text == "Dòng").Min(word => word.YMin);
        Assert.True(lowestContent < bandTop, $"the last line ends at {lowestContent} pt, the band starts at {bandTop} pt");
        Assert.True(highestContent > qrBottom, $"the first line starts at {highestContent} pt, above the QR code's bottom at {qrBottom} pt");
    }

    [Fact]
    public async Task Build_PageOne_CarriesTheQrTopLeftThatZbarimgReads()
    {
        var copy = PaperCopyBuilder.Build(PaperPdf.Build([["Một trang"]]), Band, Fields);

        Assert.Equal(Band.QrPayload, (await PdfChecks.QrAsync(copy.Pdf)).TrimEnd('\n'));
    }

    [Fact]
    public async Task Build_Xmp_HoldsTheRegisterFieldsEscaped_AndQpdfFindsNoFault()
    {
        var copy = PaperCopyBuilder.Build(PaperPdf.Build([["Một trang"]]), Band, Fields);

        var xmp = await PdfChecks.XmpAsync(copy.Pdf);
        Assert.Contains("<etx:RegisterNumber>SOTP-HG/2026/17</etx:RegisterNumber>", xmp, StringComparison.Ordinal);
        Assert.Contains("<etx:Direction>data-message-to-paper</etx:Direction>", xmp, StringComparison.Ordinal);
        Assert.Contains("<etx:Converter>Nguyễn Thị Hồng Nhung &amp; Co &lt;test&gt;</etx:Converter>", xmp, StringComparison.Ordinal);
        Assert.Contains($"<etx:InputSha256>{new string('a', 64)}</etx:InputSha256>", xmp, StringComparison.Ordinal);
        var check = await ExternalTool.RunAsync("qpdf", ["--check", await PdfChecks.FileAsync(copy.Pdf)]);
        Assert.True(check.ExitCode == 0, check.Stdout + check.Stderr);
    }

    private sealed record Word(string Text, double YMin, double YMax);

    private static async Task<IReadOnlyList<Word>> WordsAsync(byte[] pdf)
    {
        var html = (await ExternalTool.RunAsync("pdftotext", ["-bbox", "-f", "1", "-l", "1", await PdfChecks.FileAsync(pdf), "-"])).Stdout;
        return [.. WordBox().Matches(html).Select(match => new Word(
            System.Net.WebUtility.HtmlDecode(match.Groups["text"].Value),
            double.Parse(match.Groups["ymin"].Value, System.Globalization.CultureInfo.InvariantCulture),
            double.Parse(match.Groups["ymax"].Value, System.Globalization.CultureInfo.InvariantCulture)))];
    }

    [GeneratedRegex("""<word xMin="[\d.]+" yMin="(?<ymin>[\d.]+)" xMax="[\d.]+" yMax="(?<ymax>[\d.]+)">(?<text>[^<]*)</word>""")]
    private static partial Regex WordBox();
}
