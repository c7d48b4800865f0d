using System.Text.Json.Nodes;
using Etransactions.Functions.Core;

namespace Etransactions.Functions.Notifications;

/// <summary>A notification as the table keeps it: when it was first recorded, and when it was published (null: not yet).</summary>
public sealed record StoredNotification(Notification Notification, DateTimeOffset RecordedAt, DateTimeOffset? PublishedAt)
{
    /// <summary>The notification's JSON with <c>recordedAt</c> and, once published, <c>publishedAt</c>, as the list endpoint answers.</summary>
    public JsonObject ToJsonObject()
    {
        var json = Notification.ToJsonObject();
        json["recordedAt"] = IsoTime.Format(RecordedAt);
        if (PublishedAt is { } publishedAt)
        {
            json["publishedAt"] = IsoTime.Format(publishedAt);
        }
        return json;
    }
}
