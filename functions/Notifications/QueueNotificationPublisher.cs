using Azure.Storage.Queues;

namespace Etransactions.Functions.Notifications;

/// <summary>
/// The local twin of the Service Bus topic: the notification's JSON as the text of a message on the Azurite
/// queue <c>notifications</c>. The app's queue client encodes every message as Base64 of its UTF-8 text,
/// as queue triggers decode them (the host's default, host.json sets no other), so a queue trigger on
/// <c>notifications</c>, in the local host or in Azure, receives the JSON itself.
/// </summary>
public sealed class QueueNotificationPublisher(QueueClient queue) : INotificationPublisher
{
    public const string Queue = "notifications";

    public async Task PublishAsync(Notification notification, CancellationToken cancellation)
    {
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellation);
        await queue.SendMessageAsync(notification.ToJson(), cancellation);
    }
}
