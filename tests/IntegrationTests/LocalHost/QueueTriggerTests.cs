using System.Text;
using Azure.Storage.Queues;
using Etransactions.IntegrationTests.Support;
using Etransactions.Local.Triggers;

namespace Etransactions.IntegrationTests.LocalHost;

[Collection(TestAppTests.Name)]
public sealed class QueueTriggerTests(SharedTestApp shared)
{
    private readonly AppHost _app = shared.App;
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Message_RunsTheFunctionAndIsDeleted()
    {
        var queue = await QueueAsync("WORK_QUEUE");
        var text = $"việc {Guid.NewGuid():N}";
        await queue.SendMessageAsync(Base64(text), Cancellation);

        var received = await _app.ReceivedAsync("queue", match: record => record["text"]!.GetValue<string>() == text);

        var record = Assert.Single(received, record => record["text"]!.GetValue<string>() == text);
        Assert.Equal(1, record["DequeueCount"]!.GetValue<int>());
        await Eventually.GetAsync(async () => (await queue.GetPropertiesAsync(Cancellation)).Value.ApproximateMessagesCount == 0 ? "" : null,
            "the message to be deleted", TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task StringParameter_GetsTheMessageText()
    {
        var queue = await QueueAsync("TEXT_QUEUE");

        var text = $"chữ {Guid.NewGuid():N}";
        await queue.SendMessageAsync(Base64(text), Cancellation);

        var received = await _app.ReceivedAsync("queue-text", match: record => record["text"]!.GetValue<string>() == text);

        Assert.Contains(received, record => record["text"]!.GetValue<string>() == text);
    }

    [Fact]
    public async Task FailingMessage_IsMovedUnchangedToThePoisonQueueAfterFiveDeliveries()
    {
        var queue = await QueueAsync("WORK_QUEUE");
        var text = $"please fail {Guid.NewGuid():N}";
        var sent = await queue.SendMessageAsync(Base64(text), Cancellation);

        var poison = new QueueClient(_app.Host.StorageConnectionString, $"{_app.Names["WORK_QUEUE"]}-poison");
        var moved = await Eventually.GetAsync(async () =>
        {
            if (!await poison.ExistsAsync(Cancellation))
            {
                return null;
            }
            var peeked = await poison.PeekMessagesAsync(32, Cancellation);
            return peeked.Value.FirstOrDefault(message => message.Body.ToString() == Base64(text))?.Body.ToString();
        }, "the poison message", TimeSpan.FromSeconds(90), () => _app.Log.Tail());

        Assert.Equal(Base64(text), moved);
        var entry = await _app.PoisonEntryAsync("OnQueue", sent.Value.MessageId);
        Assert.Equal(QueueTriggers.MaxDequeueCount, entry.GetInt32("Attempts"));
        Assert.Contains("refused message", entry.GetString("Reason"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MessageThatIsNotBase64_IsPoisonWithTheReason()
    {
        var queue = await QueueAsync("TEXT_QUEUE");
        var sent = await queue.SendMessageAsync("not base64 at all!", Cancellation);

        var entry = await _app.PoisonEntryAsync("OnQueueText", sent.Value.MessageId);

        Assert.Contains("Base64", entry.GetString("Reason"), StringComparison.Ordinal);
    }

    private async Task<QueueClient> QueueAsync(string setting)
    {
        var queue = _app.Queue(setting);
        await queue.CreateIfNotExistsAsync(cancellationToken: Cancellation);
        return queue;
    }

    /// <summary>Queue triggers read Base64 messages, as host.json's default messageEncoding says.</summary>
    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
