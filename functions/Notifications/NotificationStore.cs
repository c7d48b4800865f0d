using Azure;
using Azure.Data.Tables;
using Etransactions.Functions.Core.Storage;

namespace Etransactions.Functions.Notifications;

/// <summary>Every notification, recorded before it is published, so that an operator can list them and a retry finds it sent.</summary>
public sealed class NotificationStore(AppTables tables)
{
    public const string Table = "notifications";

    /// <summary>A Service Bus MessageId holds at most 128 characters; the id is one.</summary>
    public const int MaxIdLength = 128;

    private readonly AppTable _rows = tables[Table];

    /// <summary>Records the notification unless a notification with its id is there already; returns the one kept.</summary>
    public async Task<StoredNotification> RecordAsync(Notification notification, DateTimeOffset recordedAt, CancellationToken cancellation)
    {
        CheckId(notification.Id);
        var (row, _) = await _rows.AddOrReadAsync(NotificationRows.From(notification, recordedAt), cancellation);
        return NotificationRows.To(row);
    }

    public async Task MarkPublishedAsync(Notification notification, DateTimeOffset publishedAt, CancellationToken cancellation)
    {
        var rows = await _rows.ClientAsync();
        var published = new TableEntity(NotificationRows.PartitionOf(notification.PlatformId), notification.Id) { ["PublishedAt"] = publishedAt };
        await rows.UpdateEntityAsync(published, ETag.All, TableUpdateMode.Merge, cancellation);
    }

    /// <summary>The notifications the filter selects, newest first (by when they occurred, then by id).</summary>
    public async Task<IReadOnlyList<StoredNotification>> ListAsync(NotificationFilter filter, CancellationToken cancellation)
    {
        var found = new List<StoredNotification>();
        await foreach (var row in _rows.QueryAsync(QueryOf(filter), cancellation))
        {
            found.Add(NotificationRows.To(row));
        }
        return [.. found
            .OrderByDescending(stored => stored.Notification.OccurredAt)
            .ThenByDescending(stored => stored.Notification.Id, StringComparer.Ordinal)
            .Take(filter.Limit)];
    }

    private static string QueryOf(NotificationFilter filter) => (filter.PlatformId, filter.Type) switch
    {
        ({ } platformId, { } type) => TableClient.CreateQueryFilter($"PartitionKey eq {NotificationRows.PartitionOf(platformId)} and Type eq {type}"),
        ({ } platformId, null) => TableClient.CreateQueryFilter($"PartitionKey eq {NotificationRows.PartitionOf(platformId)}"),
        (null, { } type) => TableClient.CreateQueryFilter($"Type eq {type}"),
        (null, null) => "",
    };

    // The id is the row key and the Service Bus MessageId: refused here, before anything is recorded or sent.
    private static void CheckId(string id)
    {
        if (id.Length is 0 or > MaxIdLength || id.IndexOfAny(['/', '\\', '#', '?']) >= 0 || id.Any(char.IsControl))
        {
            throw new ArgumentException($"A notification id is 1 to {MaxIdLength} characters without / \\ # ? or control characters: \"{id}\".", nameof(id));
        }
    }
}
