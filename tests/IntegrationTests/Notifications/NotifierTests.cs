using System.Text;
using Azure.Storage.Queues;
using Etransactions.Functions.Notifications;
using Etransactions.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Etransactions.IntegrationTests.Notifications;

/// <summary>Notifications recorded in the table and published once, on the shared Azurite.</summary>
public sealed class NotifierTests(SharedAzurite azurite)
{
    private static readonly DateTimeOffset Reminded = new(2026, 1, 27, 17, 0, 0, TimeSpan.Zero);
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Notify_PutsTheJsonOnTheQueueOnce_AsTheAppQueuesEveryMessage()
    {
        var clock = new FakeTimeProvider(Reminded.AddSeconds(1));
        var queueName = $"notifications-{Guid.NewGuid():N}"[..40];
        // The app's own queue client, on a queue of this test's own.
        await using var services = TestNotifications.Services(azurite.ConnectionString, clock,
            app => new QueueNotificationPublisher(app.GetRequiredService<QueueServiceClient>().GetQueueClient(queueName)));
        var notifier = services.GetRequiredService<Notifier>();
        var note = TestNotifications.Sample(TestNotifications.NewId("n-queue"), TestNotifications.NewId("p"), Reminded);

        await notifier.NotifyAsync(note, Cancellation);
        clock.Advance(TimeSpan.FromMinutes(5));
        await notifier.NotifyAsync(note, Cancellation);

        // Read raw: the text of the message is Base64 of the JSON's UTF-8, as queue triggers decode it.
        var raw = new QueueClient(azurite.ConnectionString, queueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        var messages = (await raw.ReceiveMessagesAsync(32, cancellationToken: Cancellation)).Value;
        var message = Assert.Single(messages);
        Assert.Equal(note.ToJson(), Encoding.UTF8.GetString(Convert.FromBase64String(message.MessageText)));
        Assert.Contains("\"Nhắc hạn: còn 3 ngày\"", Encoding.UTF8.GetString(Convert.FromBase64String(message.MessageText)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notify_SendsOnceHoweverOftenItIsTold_AndRecordsWhen()
    {
        var clock = new FakeTimeProvider(Reminded.AddSeconds(1));
        var publisher = new KeepingPublisher();
        await using var services = TestNotifications.Services(azurite.ConnectionString, clock, _ => publisher);
        var notifier = services.GetRequiredService<Notifier>();
        var platform = TestNotifications.NewId("p");
        var note = TestNotifications.Sample(TestNotifications.NewId("n-once"), platform, Reminded);

        await notifier.NotifyAsync(note, Cancellation);
        clock.Advance(TimeSpan.FromMinutes(5));
        await notifier.NotifyAsync(note, Cancellation);
        await notifier.NotifyAsync(note with { Subject = new LocalizedText("Khác", "Other") }, Cancellation);

        Assert.Equal([note.Id], publisher.Sent.Select(sent => sent.Id));
        var stored = Assert.Single(await services.GetRequiredService<NotificationStore>().ListAsync(new NotificationFilter(platform, null, 10), Cancellation));
        Assert.Equal(Reminded.AddSeconds(1), stored.RecordedAt);
        Assert.Equal(Reminded.AddSeconds(1), stored.PublishedAt);
        Assert.Equal(note.ToJson(), stored.Notification.ToJson());
    }

    [Fact]
    public async Task Notify_AfterAFailedPublish_SendsWhatWasRecordedFirst()
    {
        var clock = new FakeTimeProvider(Reminded.AddSeconds(1));
        var publisher = new KeepingPublisher(failures: 1);
        await using var services = TestNotifications.Services(azurite.ConnectionString, clock, _ => publisher);
        var notifier = services.GetRequiredService<Notifier>();
        var store = services.GetRequiredService<NotificationStore>();
        var platform = TestNotifications.NewId("p");
        var note = TestNotifications.Sample(TestNotifications.NewId("n-retry"), platform, Reminded);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => notifier.NotifyAsync(note, Cancellation));
        var recorded = Assert.Single(await store.ListAsync(new NotificationFilter(platform, null, 10), Cancellation));
        clock.Advance(TimeSpan.FromMinutes(1));
        await notifier.NotifyAsync(note with { Text = new LocalizedText("Nội dung khác", "Other text") }, Cancellation);

        Assert.Equal("The bus is down.", failure.Message);
        Assert.Null(recorded.PublishedAt);
        var sent = Assert.Single(publisher.Sent);
        Assert.Equal(note.ToJson(), sent.ToJson());
        var published = Assert.Single(await store.ListAsync(new NotificationFilter(platform, null, 10), Cancellation));
        Assert.Equal(Reminded.AddMinutes(1).AddSeconds(1), published.PublishedAt);
    }

    [Fact]
    public async Task Store_ListsNewestFirst_ByPlatformTypeAndLimit_AndKeepsEveryField()
    {
        await using var services = TestNotifications.Services(azurite.ConnectionString, new FakeTimeProvider(Reminded));
        var store = services.GetRequiredService<NotificationStore>();
        var platform = TestNotifications.NewId("p");
        var started = TestNotifications.Sample(TestNotifications.NewId("a-1"), platform, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), "selfDetermination.started");
        var reminded = TestNotifications.Sample(TestNotifications.NewId("a-2"), platform, new DateTimeOffset(2026, 1, 16, 17, 0, 0, TimeSpan.Zero));
        var overdue = TestNotifications.Sample(TestNotifications.NewId("a-3"), platform, new DateTimeOffset(2026, 1, 30, 17, 0, 0, TimeSpan.Zero), "selfDetermination.overdue")
            with { Recipients = [NotificationRecipients.Platform, NotificationRecipients.Regulator] };
        var regulatorOnly = TestNotifications.Sample(TestNotifications.NewId("r-1"), null, new DateTimeOffset(2026, 1, 30, 17, 0, 0, TimeSpan.Zero), TestNotifications.NewId("test.regulatorOnly"))
            with { Recipients = [NotificationRecipients.Regulator] };
        foreach (var note in new[] { reminded, overdue, started, regulatorOnly })
        {
            await store.RecordAsync(note, Reminded, Cancellation);
        }

        var mine = await store.ListAsync(new NotificationFilter(platform, null, 10), Cancellation);
        var startedOnly = await store.ListAsync(new NotificationFilter(platform, "selfDetermination.started", 10), Cancellation);
        var newest = await store.ListAsync(new NotificationFilter(platform, null, 2), Cancellation);
        var noPlatform = await store.ListAsync(new NotificationFilter(null, regulatorOnly.Type, 10), Cancellation);
        var everything = await store.ListAsync(new NotificationFilter(null, null, 1000), Cancellation);

        Assert.Equal([overdue.Id, reminded.Id, started.Id], mine.Select(stored => stored.Notification.Id));
        Assert.Equal([started.Id], startedOnly.Select(stored => stored.Notification.Id));
        Assert.Equal([overdue.Id, reminded.Id], newest.Select(stored => stored.Notification.Id));
        Assert.Equal(overdue.ToJson(), mine[0].Notification.ToJson());
        var kept = Assert.Single(noPlatform);
        Assert.Equal(regulatorOnly.ToJson(), kept.Notification.ToJson());
        Assert.Null(kept.Notification.PlatformId);
        Assert.Contains(everything, stored => stored.Notification.Id == regulatorOnly.Id);
        Assert.Equal(everything.OrderByDescending(stored => stored.Notification.OccurredAt), everything);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a#b")]
    [InlineData("")]
    public async Task Record_RefusesAnIdThatCannotBeARowKeyOrMessageId(string id)
    {
        await using var services = TestNotifications.Services(azurite.ConnectionString, new FakeTimeProvider(Reminded));
        var platform = TestNotifications.NewId("p");

        await Assert.ThrowsAsync<ArgumentException>(() => services.GetRequiredService<Notifier>().NotifyAsync(TestNotifications.Sample(id, platform, Reminded), Cancellation));

        Assert.Empty(await services.GetRequiredService<NotificationStore>().ListAsync(new NotificationFilter(platform, null, 10), Cancellation));
    }

    [Fact]
    public async Task Record_RefusesAnIdLongerThanAServiceBusMessageId()
    {
        await using var services = TestNotifications.Services(azurite.ConnectionString, new FakeTimeProvider(Reminded));

        var tooLong = TestNotifications.Sample(new string('n', NotificationStore.MaxIdLength + 1), TestNotifications.NewId("p"), Reminded);

        await Assert.ThrowsAsync<ArgumentException>(() => services.GetRequiredService<NotificationStore>().RecordAsync(tooLong, Reminded, Cancellation));
        await services.GetRequiredService<NotificationStore>().RecordAsync(tooLong with { Id = new string('n', NotificationStore.MaxIdLength) }, Reminded, Cancellation);
    }
}
