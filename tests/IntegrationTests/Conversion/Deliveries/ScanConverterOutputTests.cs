using System.Text.Json.Nodes;
using Etransactions.Functions.Conversion;

namespace Etransactions.IntegrationTests.Conversion.Deliveries;

/// <summary>What a delivery stores: a PDF page with its own text keeps it, and the manifest says page by page where each text came from.</summary>
[Collection(DeliveryTests.Name)]
public sealed class ScanConverterOutputTests(DeliveriesAzurite azurite)
{
    [Fact]
    public async Task PdfMixingTextAndScannedPages_OnlyTheScannedOneIsRead_AndTheManifestSaysSoPageByPage()
    {
        using var deliveries = Deliveries.On(azurite);
        var blob = await deliveries.UploadAsync("hon-hop.pdf", await Pdf.TestScans.TextThenScannedPdfAsync());

        Assert.Equal(ConversionOutcome.Converted, await deliveries.DeliverAsync(blob));

        Assert.Equal([1], Assert.Single(deliveries.Ocr.PagesAsked));
        var record = await deliveries.RecordAsync(blob);
        var manifest = JsonNode.Parse(await deliveries.StoredAsync($"{deliveries.Agency}/{record.MessageId}.json"))!;
        var pages = manifest["pages"]!.AsArray();
        Assert.Equal(["pdf", "ocr"], pages.Select(page => page!["text"]!.GetValue<string>()));
        Assert.Equal([0, 1], pages.Select(page => page!["index"]!.GetValue<int>()));
        Assert.All(pages, page => Assert.True(page!["characters"]!.GetValue<int>() > 40));
        Assert.Equal("known-words", manifest["ocr"]!["engine"]!.GetValue<string>());
        Assert.Contains("đăng ký kinh doanh", manifest["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
