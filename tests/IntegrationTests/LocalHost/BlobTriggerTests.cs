using System.Text.Json.Nodes;
using Etransactions.IntegrationTests.Support;
using Etransactions.Local.Triggers;

namespace Etransactions.IntegrationTests.LocalHost;

[Collection(TestAppTests.Name)]
public sealed class BlobTriggerTests(SharedTestApp shared)
{
    private readonly AppHost _app = shared.App;
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upload_RunsTheFunctionWithThePartsOfItsPath()
    {
        var folder = NewFolder();
        var uploads = _app.Container("UPLOADS_CONTAINER");
        await uploads.CreateIfNotExistsAsync(cancellationToken: Cancellation);
        await uploads.UploadBlobAsync($"{folder}/biên-bản.txt", BinaryData.FromString("nội dung"), Cancellation);
        await uploads.UploadBlobAsync($"{folder}/not-matched.pdf", BinaryData.FromString("ignored"), Cancellation);

        var received = await _app.ReceivedAsync($"blob/{folder}");

        var record = Assert.Single(received);
        Assert.Equal("biên-bản", record["name"]!.GetValue<string>());
        Assert.Equal("nội dung", record["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task EachVersion_IsHandledOnce()
    {
        var folder = NewFolder();
        var uploads = _app.Container("UPLOADS_CONTAINER");
        await uploads.CreateIfNotExistsAsync(cancellationToken: Cancellation);
        var blob = uploads.GetBlobClient($"{folder}/a.txt");
        await blob.UploadAsync(BinaryData.FromString("first"), overwrite: true, Cancellation);
        await _app.ReceivedAsync($"blob/{folder}");
        await Task.Delay(TimeSpan.FromSeconds(1), Cancellation); // several polls pass

        await blob.UploadAsync(BinaryData.FromString("second"), overwrite: true, Cancellation);
        var received = await _app.ReceivedAsync($"blob/{folder}", atLeast: 2);
        await Task.Delay(TimeSpan.FromSeconds(1), Cancellation);

        var after = await _app.ReceivedAsync($"blob/{folder}", atLeast: 2);
        Assert.Equal(["first", "second"], after.Select(record => record["text"]!.GetValue<string>()).Order());
        Assert.Equal(received.Count, after.Count);
    }

    [Fact]
    public async Task FailingBlob_BecomesPoisonAfterFiveTriesWithTheReasonKept()
    {
        var folder = NewFolder();
        var uploads = _app.Container("UPLOADS_CONTAINER");
        await uploads.CreateIfNotExistsAsync(cancellationToken: Cancellation);
        await uploads.UploadBlobAsync($"{folder}/bad.txt", BinaryData.FromString("please fail"), Cancellation);

        var poisonQueue = new Azure.Storage.Queues.QueueClient(_app.Host.StorageConnectionString, "webjobs-blobtrigger-poison");
        var message = await Eventually.GetAsync(async () =>
        {
            if (!await poisonQueue.ExistsAsync(Cancellation))
            {
                return null;
            }
            var peeked = await poisonQueue.PeekMessagesAsync(32, Cancellation);
            return peeked.Value.Select(m => JsonNode.Parse(m.Body.ToString())!.AsObject())
                .FirstOrDefault(m => m["BlobName"]!.GetValue<string>() == $"{folder}/bad.txt");
        }, "the poison message", TimeSpan.FromSeconds(60), () => _app.Log.Tail());

        Assert.Equal(_app.Names["UPLOADS_CONTAINER"], message["ContainerName"]!.GetValue<string>());
        var tries = _app.Log.Lines.Count(line => line.Contains("Executed 'OnBlob' (Failed", StringComparison.Ordinal) && line.Contains("bad", StringComparison.Ordinal));
        Assert.Equal(BlobTriggers.MaxAttempts, tries);
        var entry = await _app.PoisonEntryAsync("OnBlob", $"{folder}/bad.txt");
        Assert.Contains("it asks to fail", entry.GetString("Reason"), StringComparison.Ordinal);
    }

    private static string NewFolder() => $"f{Guid.NewGuid():N}";
}
