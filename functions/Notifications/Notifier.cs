using Microsoft.Extensions.Logging;

namespace Etransactions.Functions.Notifications;

/// <summary>
/// Records a notification, then publishes it. Idempotent: a notification already published (same id) is not
/// sent again, so a retried activity does not notify twice; one recorded but not published (the publish
/// failed) is sent on the next try. What is sent is what was recorded first. Two tries at the very same
/// moment could both send: in Azure the topic's duplicate detection drops the second by its MessageId.
/// </summary>
public sealed partial class Notifier(NotificationStore store, INotificationPublisher publisher, TimeProvider clock, ILogger<Notifier> logger)
{
    public async Task NotifyAsync(Notification notification, CancellationToken cancellation)
    {
        var stored = await store.RecordAsync(notification, clock.GetUtcNow(), cancellation);
        if (stored.PublishedAt is { } publishedAt)
        {
            LogAlreadyPublished(notification.Id, notification.PlatformId, publishedAt);
            return;
        }
        await publisher.PublishAsync(stored.Notification, cancellation);
        await store.MarkPublishedAsync(stored.Notification, clock.GetUtcNow(), cancellation);
        LogPublished(notification.Id, notification.Type, notification.PlatformId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {NotificationId} ({Type}) published for platform {PlatformId}")]
    private partial void LogPublished(string notificationId, string type, string? platformId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {NotificationId} for platform {PlatformId} was published at {PublishedAt}; not sent again")]
    private partial void LogAlreadyPublished(string notificationId, string? platformId, DateTimeOffset publishedAt);
}
