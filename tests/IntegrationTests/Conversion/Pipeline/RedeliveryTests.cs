using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Etransactions.Functions.Conversion;
using Etransactions.Functions.Conversion.Storage;
using Etransactions.IntegrationTests.Support;
using Etransactions.TestSupport.Scans;

namespace Etransactions.IntegrationTests.Conversion.Pipeline;

/// <summary>
/// The host delivers a blob again, a clerk uploads the same file twice or a new one under the same name: one
/// data message per content, and none lost.
/// </summary>
[Collection(ConversionTests.Name)]
public sealed class RedeliveryTests(SharedConversionApp shared)
{
    private static readonly Dictionary<string, string> Metadata = new() { ["converter"] = "Sở Tư pháp Hà Nội" };
    private readonly ConversionApp _conversion = shared.App;
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SameBlobDeliveredAgainOrSameBytesUploadedAgain_MakeNothingNew()
    {
        var agency = ConversionApp.NewAgency();
        var bytes = TestScans.TextPdf();
        var blob = await _conversion.UploadAsync(agency, "ban-goc.pdf", bytes, Metadata);
        var first = await _conversion.SettledAsync(blob);
        var messageId = first["messageId"]!.GetValue<string>();
        var pdf = await _conversion.StoredAsync($"{agency}/{messageId}.pdf");

        // The same version delivered again, as the host does when an acknowledgement is lost.
        using var again = await _conversion.App.Http.PostAsJsonAsync(new Uri($"admin/functions/{ConvertScanFunction.Name}", UriKind.Relative), new { input = blob }, Cancellation);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal("succeeded", (await again.Content.ReadFromJsonAsync<JsonObject>(Cancellation))!["outcome"]!.GetValue<string>());
        // The same bytes uploaded again: a new version, which the host delivers too.
        await _conversion.UploadAsync(agency, "ban-goc.pdf", bytes, Metadata);
        var etag = (await _conversion.Scans.GetBlobClient($"{agency}/ban-goc.pdf").GetPropertiesAsync(cancellationToken: Cancellation)).Value.ETag.ToString();
        await Eventually.GetAsync(
            async () => await _conversion.Registry.GetConversionAsync(blob, Cancellation) is { Status: not ConversionStatus.Processing } record && record.BlobEtag == etag ? record : null,
            "the new version handled", TimeSpan.FromSeconds(60), () => _conversion.App.Log.Tail());

        var status = await _conversion.SettledAsync(blob);
        Assert.Equal(("converted", first["lookupCode"]!.GetValue<string>(), messageId),
            (status["status"]!.GetValue<string>(), status["lookupCode"]!.GetValue<string>(), status["messageId"]!.GetValue<string>()));
        Assert.Equal(1, await ConversionApp.DataMessageRowsAsync(_conversion.StorageConnectionString, messageId));
        Assert.Equal(2, (await _conversion.StoredFilesAsync(agency)).Count);
        // Not built again: a new build would carry a new document id.
        Assert.Equal(pdf, await _conversion.StoredAsync($"{agency}/{messageId}.pdf"));
    }

    [Fact]
    public async Task NewContentUnderTheSameName_MakesANewDataMessage_AndTheOldOnesStayFindable()
    {
        var agency = ConversionApp.NewAgency();
        var blob = await _conversion.UploadAsync(agency, "lan-1.pdf", TestScans.TextPdf(1), Metadata);
        var first = await _conversion.SettledAsync(blob);

        await _conversion.UploadAsync(agency, "lan-1.pdf", TestScans.TextPdf(2), Metadata);
        var second = await _conversion.SettledAsync(blob, s => s["status"]!.GetValue<string>() == "converted" && s["messageId"]!.GetValue<string>() != first["messageId"]!.GetValue<string>());
        // A PNG under the PDF's name is no PDF: rejected, and what was converted before stays.
        await _conversion.UploadAsync(agency, "lan-1.pdf", await TestScans.PngAsync(), Metadata);
        var third = await _conversion.SettledAsync(blob, s => s["status"]!.GetValue<string>() == "rejected");

        Assert.NotEqual(first["lookupCode"]!.GetValue<string>(), second["lookupCode"]!.GetValue<string>());
        Assert.Equal("type-mismatch", third["reason"]!["code"]!.GetValue<string>());
        var older = await _conversion.App.Http.GetFromJsonAsync<JsonObject>(first["links"]!["dataMessage"]!.GetValue<string>(), Cancellation);
        var newer = await _conversion.App.Http.GetFromJsonAsync<JsonObject>(second["links"]!["dataMessage"]!.GetValue<string>(), Cancellation);
        Assert.Equal((1, 2), (older!["output"]!["pageCount"]!.GetValue<int>(), newer!["output"]!["pageCount"]!.GetValue<int>()));
        Assert.Equal(4, (await _conversion.StoredFilesAsync(agency)).Count);
    }
}
