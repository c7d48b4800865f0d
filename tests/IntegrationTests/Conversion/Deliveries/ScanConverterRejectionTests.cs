using System.Security.Cryptography;
using Etransactions.Functions.Conversion;
using Etransactions.Functions.Conversion.Messages;
using Etransactions.Functions.Conversion.Storage;
using Etransactions.TestSupport.Scans;

namespace Etransactions.IntegrationTests.Conversion.Deliveries;

/// <summary>
/// Rejections as the conversion makes them, seen from storage: what the blob's properties show (name, metadata,
/// size) is refused before a byte of content is downloaded, what its headers show before any OCR, and a symbol
/// block that cannot be made once, with a reason, never as a failure to try again.
/// </summary>
[Collection(DeliveryTests.Name)]
public sealed class ScanConverterRejectionTests(DeliveriesAzurite azurite)
{
    private const string Converter = "Ủy ban nhân dân phường Tràng Tiền";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("outside-any-agency", "bad-path")]
    [InlineData("unsupported-extension", "unsupported-type")]
    [InlineData("no-converter", "missing-converter")]
    [InlineData("bad-flag", "bad-flag")]
    [InlineData("over-the-size-limit", "too-large")]
    public async Task UploadRefusedByItsProperties_IsRejectedWithoutItsContentBeingDownloaded(string upload, string code)
    {
        using var deliveries = Deliveries.On(azurite, new Dictionary<string, string> { ["SCAN_MAX_BYTES"] = "1000" });
        var bytes = upload == "over-the-size-limit" ? TestScans.TextPdf() : [.. TestScans.TextPdf().Take(900)];
        var metadata = new Dictionary<string, string> { ["converter"] = Converter };
        var name = $"{deliveries.Agency}/scan.pdf";
        switch (upload)
        {
            case "outside-any-agency":
                name = $"{deliveries.Agency}.pdf";
                break;
            case "unsupported-extension":
                name = $"{deliveries.Agency}/scan.docx";
                break;
            case "no-converter":
                metadata.Clear();
                break;
            case "bad-flag":
                metadata["sign"] = "maybe";
                break;
        }
        var blob = await deliveries.UploadAtAsync(name, bytes, metadata);

        var outcome = await deliveries.DeliverAsync(blob);

        Assert.Equal(ConversionOutcome.Rejected, outcome);
        var record = await deliveries.RecordAsync(blob);
        Assert.Equal((ConversionStatus.Rejected, code), (record.Status, record.RejectionCode));
        Assert.True(record.ReasonVi!.Length > 10 && record.ReasonEn!.Length > 10);
        Assert.Equal(0, deliveries.Requests.DownloadsOf(name));
        Assert.True(deliveries.Requests.PropertyReadsOf(name) > 0);
        Assert.Equal(ConversionOutcome.Skipped, await deliveries.DeliverAsync(blob));
        Assert.Equal(bytes, await deliveries.UploadedAsync(blob));
    }

    [Fact]
    public async Task ScansOverThePageOrPixelLimit_AreRejectedFromTheirHeadersBeforeAnyOcr()
    {
        using var deliveries = Deliveries.On(azurite, new Dictionary<string, string> { ["SCAN_MAX_PAGES"] = "2" });
        // Down: a scan that got as far as OCR would fail as transient, not be rejected.
        deliveries.Ocr.Down = true;
        var pages = await deliveries.UploadAsync("nhieu-trang.pdf", await TestScans.MultiPagePdfAsync(3));
        var bomb = TestScans.BombPng(20_000, 20_000);
        var pixels = await deliveries.UploadAsync("bom.png", bomb);

        Assert.Equal(ConversionOutcome.Rejected, await deliveries.DeliverAsync(pages));
        Assert.Equal(ConversionOutcome.Rejected, await deliveries.DeliverAsync(pixels));

        Assert.Equal("too-many-pages", (await deliveries.RecordAsync(pages)).RejectionCode);
        Assert.Equal("too-many-pixels", (await deliveries.RecordAsync(pixels)).RejectionCode);
        Assert.Equal(0, deliveries.Ocr.Calls);
        Assert.Equal(bomb, await deliveries.UploadedAsync(pixels));
        Assert.Equal(ConversionOutcome.Skipped, await deliveries.DeliverAsync(pages));
        Assert.Equal(ConversionOutcome.Skipped, await deliveries.DeliverAsync(pixels));
        Assert.Empty(await deliveries.StoredFilesAsync());
    }

    [Fact]
    public async Task ConverterNameTheSymbolBlockCannotShow_IsRejectedOnceWithItsReason_AndItsCodeFreed()
    {
        using var deliveries = Deliveries.On(azurite);
        var bytes = await TestScans.PngAsync();
        var blob = await deliveries.UploadAsync("ho-so.png", bytes, new Dictionary<string, string> { ["converter"] = "東京都庁" });

        var outcome = await deliveries.DeliverAsync(blob);

        Assert.Equal(ConversionOutcome.Rejected, outcome);
        var record = await deliveries.RecordAsync(blob);
        Assert.Equal((ConversionStatus.Rejected, "symbol-block", 1, null), (record.Status, record.RejectionCode, record.Attempts, record.LookupCode));
        Assert.Contains("東", record.ReasonEn, StringComparison.Ordinal);
        Assert.StartsWith("Không tạo được khối ký hiệu", record.ReasonVi, StringComparison.Ordinal);
        // Laid out before OCR is paid for; the code reserved for it resolves to nothing.
        Assert.Equal(0, deliveries.Ocr.Calls);
        var messageId = ScanConverter.MessageIdOf(blob, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Null(await deliveries.Registry.GetDataMessageAsync(LookupCode.Candidate(messageId, 0).Canonical, Cancellation));
        Assert.Equal(0, await deliveries.DataMessageRowsAsync(messageId));
        Assert.Equal(ConversionOutcome.Skipped, await deliveries.DeliverAsync(blob));
        Assert.Equal(1, (await deliveries.RecordAsync(blob)).Attempts);
    }
}
