using System.Text;
using System.Text.Json.Nodes;
using Amqp.Framing;
using Azure.Messaging.ServiceBus;
using Etransactions.Functions.Notifications;

namespace Etransactions.IntegrationTests.Notifications;

/// <summary>The real Azure.Messaging.ServiceBus sender, publishing to a local AMQP broker.</summary>
public sealed class ServiceBusNotificationPublisherTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static readonly Notification Reminder = new(
        "selfdet-p1-2026.2026-01-16T17:00:00.000Z-002",
        "selfDetermination.reminder",
        new DateTimeOffset(2026, 1, 16, 17, 0, 0, TimeSpan.Zero),
        [NotificationRecipients.Platform, NotificationRecipients.Regulator],
        "p1",
        new LocalizedText("Nhắc hạn: còn 14 ngày", "Reminder: 14 days left"),
        new LocalizedText("Còn 14 ngày đến hạn tự xác định quy mô kỳ 2026.", "14 days remain."),
        new JsonObject { ["cycle"] = 2026, ["daysBefore"] = 14 });

    [Fact]
    public async Task Publish_SendsTheJsonToTheTopicWithItsIdTypeAndRoutingProperties()
    {
        using var bus = FakeServiceBus.Start(ServiceBusNotificationPublisher.Topic);
        var client = new ServiceBusClient(bus.ConnectionString, new ServiceBusClientOptions
        {
            RetryOptions = new ServiceBusRetryOptions { MaxRetries = 0, TryTimeout = TimeSpan.FromSeconds(20) },
        });
        await using var publisher = new ServiceBusNotificationPublisher(client);

        await publisher.PublishAsync(Reminder, Cancellation);

        var message = Assert.Single(bus.Received);
        Assert.Equal(Reminder.Id, message.Properties.MessageId);
        Assert.Equal("selfDetermination.reminder", message.Properties.Subject);
        Assert.Equal("application/json", (string)message.Properties.ContentType);
        Assert.Equal(
            new Dictionary<string, object> { ["type"] = "selfDetermination.reminder", ["platformId"] = "p1", ["recipients"] = "platform,regulator" },
            message.ApplicationProperties.Map.ToDictionary(pair => pair.Key.ToString()!, pair => pair.Value));
        // One data section holding the JSON as UTF-8: the Vietnamese arrives as written.
        var body = Assert.IsType<Data>(message.BodySection).Binary;
        Assert.Equal(Reminder.ToJson(), Encoding.UTF8.GetString(body));
        Assert.Contains("Nhắc hạn: còn 14 ngày", Encoding.UTF8.GetString(body), StringComparison.Ordinal);
        Assert.Contains(bus.PutTokens, token => token.StartsWith("put-token ", StringComparison.Ordinal) && token.Contains("notifications", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publish_ANotificationForNoPlatform_HasAnEmptyPlatformProperty()
    {
        using var bus = FakeServiceBus.Start(ServiceBusNotificationPublisher.Topic);
        await using var publisher = new ServiceBusNotificationPublisher(new ServiceBusClient(bus.ConnectionString));

        await publisher.PublishAsync(Reminder with { Id = "overdue-list-2026", PlatformId = null, Recipients = [NotificationRecipients.Regulator] }, Cancellation);
        await publisher.PublishAsync(Reminder with { Id = "overdue-list-2027", PlatformId = null, Recipients = [NotificationRecipients.Regulator] }, Cancellation);

        Assert.Equal(["overdue-list-2026", "overdue-list-2027"], bus.Received.Select(message => message.Properties.MessageId));
        Assert.All(bus.Received, message =>
        {
            Assert.Equal("", message.ApplicationProperties["platformId"]);
            Assert.Equal("regulator", message.ApplicationProperties["recipients"]);
        });
    }
}
