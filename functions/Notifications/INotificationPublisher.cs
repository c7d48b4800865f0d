namespace Etransactions.Functions.Notifications;

/// <summary>
/// Where notifications go: the Service Bus topic <c>notifications</c> in Azure
/// (<see cref="ServiceBusNotificationPublisher"/>), the Azurite queue <c>notifications</c> locally
/// (<see cref="QueueNotificationPublisher"/>). Both really deliver.
/// </summary>
public interface INotificationPublisher
{
    /// <summary>Delivers the notification once more; throws when it could not (the caller retries).</summary>
    Task PublishAsync(Notification notification, CancellationToken cancellation);
}
