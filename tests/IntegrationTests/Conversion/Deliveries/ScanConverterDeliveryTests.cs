using Etransactions.Functions.Core;
using System.Security.Cryptography;
using Etransactions.Functions.Conversion;
using Etransactions.Functions.Conversion.Messages;
using Etransactions.Functions.Conversion.Storage;
using Etransactions.TestSupport.Scans;

namespace Etransactions.IntegrationTests.Conversion.Deliveries;

/// <summary>
/// What the host's deliveries of one upload come to, on real storage: a failure that may pass is thrown for
/// the host to deliver again, re-deliveries and concurrent deliveries make one data message, a build left by
/// a delivery that died is taken over, and a failure that outlasts the tries ends <c>failed</c>.
/// </summary>
[Collection(DeliveryTests.Name)]
public sealed class ScanConverterDeliveryTests(DeliveriesAzurite azurite)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TransientOcrFailure_IsThrownForTheHostToDeliverAgain_AndTheNextDeliveryConverts()
    {
        using var deliveries = Deliveries.On(azurite);
        var bytes = await TestScans.PngAsync();
        var blob = await deliveries.UploadAsync("tam-tru.png", bytes);
        deliveries.Ocr.Down = true;

        await Assert.ThrowsAsync<TransientException>(() => deliveries.DeliverAsync(blob));

        var failed = await deliveries.RecordAsync(blob);
        Assert.Equal((ConversionStatus.Processing, 1), (failed.Status, failed.Attempts));
        Assert.Contains("503", failed.LastError, StringComparison.Ordinal);
        Assert.Null(failed.RejectionCode);
        Assert.Equal(bytes, await deliveries.UploadedAsync(blob));
        Assert.Empty(await deliveries.StoredFilesAsync());

        deliveries.Ocr.Down = false;
        deliveries.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(ConversionOutcome.Converted, await deliveries.DeliverAsync(blob));

        var record = await deliveries.RecordAsync(blob);
        Assert.Equal((ConversionStatus.Converted, 2, null), (record.Status, record.Attempts, record.LastError));
        var message = await deliveries.Registry.GetDataMessageAsync(record.LookupCode!, Cancellation);
        // The time of conversion is the one fixed when the code was first reserved, not the later delivery's.
        Assert.Equal((DataMessageState.Stored, Deliveries.Start, 1), (message!.State, message.ConvertedAt, message.PageCount));
        Assert.Equal(2, (await deliveries.StoredFilesAsync()).Count);
    }

    [Fact]
    public async Task FirstCandidateCodeHeldByAnotherMessage_TheNextCandidateIsReserved()
    {
        using var deliveries = Deliveries.On(azurite);
        var bytes = TestScans.TextPdf();
        var blob = await deliveries.UploadAsync("bien-ban.pdf", bytes);
        var messageId = ScanConverter.MessageIdOf(blob, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        var taken = LookupCode.Candidate(messageId, 0).Canonical;
        await deliveries.DataMessages.CreateIfNotExistsAsync(Cancellation);
        await deliveries.DataMessages.AddEntityAsync(new Azure.Data.Tables.TableEntity(taken, "message") { ["MessageId"] = "someone-else", ["State"] = DataMessageState.Stored }, Cancellation);

        Assert.Equal(ConversionOutcome.Converted, await deliveries.DeliverAsync(blob));

        Assert.Equal(LookupCode.Candidate(messageId, 1).Canonical, (await deliveries.RecordAsync(blob)).LookupCode);
        Assert.Equal("someone-else", (await deliveries.Registry.GetDataMessageAsync(taken, Cancellation))!.MessageId);
    }

    [Fact]
    public async Task TwoDeliveriesAtOnce_BuildOneDataMessage()
    {
        using var deliveries = Deliveries.On(azurite);
        var bytes = await TestScans.PngAsync();
        var blob = await deliveries.UploadAsync("quyet-dinh.png", bytes);
        deliveries.Ocr.Hold();

        // The first delivery is building (held in OCR) when the second arrives.
        var first = deliveries.DeliverAsync(blob);
        await deliveries.Ocr.Entered.WaitAsync(TimeSpan.FromSeconds(60), Cancellation);
        var second = await Assert.ThrowsAsync<TransientException>(() => deliveries.DeliverAsync(blob));
        deliveries.Ocr.Release();

        Assert.Equal(ConversionOutcome.Converted, await first);
        Assert.Contains("another delivery", second.Message, StringComparison.Ordinal);
        Assert.Equal(1, deliveries.Ocr.Calls);
        var record = await deliveries.RecordAsync(blob);
        Assert.Equal((ConversionStatus.Converted, null), (record.Status, record.LastError));
        Assert.Equal(1, await deliveries.DataMessageRowsAsync(record.MessageId!));
        Assert.Equal(2, (await deliveries.StoredFilesAsync()).Count);
        // The host delivers the one that threw again: nothing more to do.
        Assert.Equal(ConversionOutcome.Skipped, await deliveries.DeliverAsync(blob));
    }

    [Fact]
    public async Task BuildClaimedByADeliveryThatDied_IsTakenOverOnceStale_AndWaitedForWhileFresh()
    {
        using var deliveries = Deliveries.On(azurite);
        var bytes = TestScans.TextPdf();
        var blob = await deliveries.UploadAsync("giay-phep.pdf", bytes);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var messageId = ScanConverter.MessageIdOf(blob, sha256);
        var reserved = await deliveries.Registry.ReserveAsync(messageId, deliveries.Agency, blob, sha256, Deliveries.Start, Cancellation);
        Assert.True(await deliveries.Registry.ClaimBuildAsync(reserved, deliveries.Clock.GetUtcNow(), TimeSpan.FromMinutes(10), Cancellation));

        deliveries.Clock.Advance(TimeSpan.FromMinutes(1));
        var waited = await Assert.ThrowsAsync<TransientException>(() => deliveries.DeliverAsync(blob));
        deliveries.Clock.Advance(TimeSpan.FromMinutes(10));
        var outcome = await deliveries.DeliverAsync(blob);

        Assert.Contains("another delivery", waited.Message, StringComparison.Ordinal);
        Assert.Equal(ConversionOutcome.Converted, outcome);
        var record = await deliveries.RecordAsync(blob);
        Assert.Equal((ConversionStatus.Converted, reserved.Code, 2), (record.Status, record.LookupCode, record.Attempts));
        Assert.Equal(DataMessageState.Stored, (await deliveries.Registry.GetDataMessageAsync(reserved.Code, Cancellation))!.State);
        Assert.Equal(1, await deliveries.DataMessageRowsAsync(messageId));
    }

    [Fact]
    public async Task BlobThatIsGone_IsIgnoredAndLeavesNoRecord()
    {
        using var deliveries = Deliveries.On(azurite);
        var blob = $"scans/{deliveries.Agency}/khong-co.png";

        Assert.Equal(ConversionOutcome.Missing, await deliveries.DeliverAsync(blob));

        Assert.Null(await deliveries.Registry.GetConversionAsync(blob, Cancellation));
    }

    [Fact]
    public async Task FailureOutlastingTheTries_EndsFailed_AndARetryCountsItsOwnTries()
    {
        using var deliveries = Deliveries.On(azurite);
        var blob = await deliveries.UploadAsync("that-bai.png", await TestScans.PngAsync());
        deliveries.Ocr.Down = true;

        for (var attempt = 1; attempt < ScanConverter.MaxDeliveries; attempt++)
        {
            await Assert.ThrowsAsync<TransientException>(() => deliveries.DeliverAsync(blob));
            var retrying = await deliveries.RecordAsync(blob);
            Assert.Equal((ConversionStatus.Processing, attempt), (retrying.Status, retrying.Attempts));
        }
        Assert.Equal(ConversionOutcome.Failed, await deliveries.DeliverAsync(blob));
        var failed = await deliveries.RecordAsync(blob);
        Assert.Equal((ConversionStatus.Failed, ScanConverter.MaxDeliveries), (failed.Status, failed.Attempts));
        Assert.Contains("503", failed.LastError, StringComparison.Ordinal);
        // The blob trigger's poison delivery, if any, changes nothing.
        Assert.Equal(ConversionOutcome.Skipped, await deliveries.DeliverAsync(blob));

        // A retry is delivered by its queue as often as the host's tries allow, and ends failed again after as many.
        for (var attempt = 1; attempt < ScanConverter.MaxDeliveries; attempt++)
        {
            await Assert.ThrowsAsync<TransientException>(() => deliveries.DeliverAsync(blob, isRetry: true));
            var retrying = await deliveries.RecordAsync(blob);
            Assert.Equal((ConversionStatus.Processing, attempt), (retrying.Status, retrying.Attempts));
        }
        Assert.Equal(ConversionOutcome.Failed, await deliveries.DeliverAsync(blob, isRetry: true));
        Assert.Equal(ConversionStatus.Failed, (await deliveries.RecordAsync(blob)).Status);

        deliveries.Ocr.Down = false;
        Assert.Equal(ConversionOutcome.Converted, await deliveries.DeliverAsync(blob, isRetry: true));
        var converted = await deliveries.RecordAsync(blob);
        Assert.Equal((ConversionStatus.Converted, 1, null), (converted.Status, converted.Attempts, converted.LastError));
    }
}
