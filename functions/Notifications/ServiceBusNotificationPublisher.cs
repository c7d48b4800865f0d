using Azure.Messaging.ServiceBus;

namespace Etransactions.Functions.Notifications;

/// <summary>
/// Sends notifications to the Service Bus topic <c>notifications</c>. The MessageId is the notification's
/// id, so the topic's duplicate detection drops a repeated send; the subject and the application properties
/// (<c>type</c>, <c>platformId</c>, <c>recipients</c> comma-separated) let subscriptions filter without
/// reading the body, which is the JSON in one data section.
/// </summary>
public sealed class ServiceBusNotificationPublisher : INotificationPublisher, IAsyncDisposable
{
    public const string Topic = "notifications";
    public const string JsonContentType = "application/json";

    private readonly ServiceBusClient _client;
    private readonly ServiceBusSender _sender;

    /// <summary>Takes the client and closes it when disposed; nothing connects until the first send.</summary>
    public ServiceBusNotificationPublisher(ServiceBusClient client, string topic = Topic)
    {
        _client = client;
        _sender = client.CreateSender(topic);
    }

    public async Task PublishAsync(Notification notification, CancellationToken cancellation)
    {
        var message = new ServiceBusMessage(BinaryData.FromString(notification.ToJson()))
        {
            MessageId = notification.Id,
            Subject = notification.Type,
            ContentType = JsonContentType,
            ApplicationProperties =
            {
                ["type"] = notification.Type,
                ["platformId"] = notification.PlatformId ?? "",
                ["recipients"] = string.Join(',', notification.Recipients),
            },
        };
        await _sender.SendMessageAsync(message, cancellation);
    }

    public async ValueTask DisposeAsync()
    {
        await _sender.DisposeAsync();
        await _client.DisposeAsync();
    }
}
