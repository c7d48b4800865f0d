using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Etransactions.Functions.Core.Storage;

namespace Etransactions.Functions.Notifications;

/// <summary>
/// Notifications as rows of the table <c>notifications</c>: partition the platform id (<c>-</c> for none),
/// row the notification id, one typed column per field. <c>Data</c>, whose fields differ by type, is one
/// JSON column; the recipients are one comma-separated column, as on Service Bus.
/// </summary>
internal static class NotificationRows
{
    /// <summary>The partition of notifications that concern no platform.</summary>
    public const string NoPlatform = "-";

    public static string PartitionOf(string? platformId) => platformId ?? NoPlatform;

    public static TableEntity From(Notification notification, DateTimeOffset recordedAt) =>
        TableRow.Of(PartitionOf(notification.PlatformId), notification.Id, new Dictionary<string, object?>
        {
            ["Type"] = notification.Type,
            ["OccurredAt"] = notification.OccurredAt,
            ["Recipients"] = string.Join(',', notification.Recipients),
            ["PlatformId"] = notification.PlatformId,
            ["SubjectVi"] = notification.Subject.Vi,
            ["SubjectEn"] = notification.Subject.En,
            ["TextVi"] = notification.Text.Vi,
            ["TextEn"] = notification.Text.En,
            ["Data"] = notification.Data.ToJsonString(),
            ["RecordedAt"] = recordedAt,
        });

    public static StoredNotification To(TableEntity row) =>
        new(
            new Notification(
                row.RowKey,
                row.GetString("Type"),
                row.GetDateTimeOffset("OccurredAt") ?? default,
                row.GetString("Recipients") is { Length: > 0 } recipients ? recipients.Split(',') : [],
                row.GetString("PlatformId"),
                new LocalizedText(row.GetString("SubjectVi"), row.GetString("SubjectEn")),
                new LocalizedText(row.GetString("TextVi"), row.GetString("TextEn")),
                JsonNode.Parse(row.GetString("Data") ?? "{}")!.AsObject()),
            row.GetDateTimeOffset("RecordedAt") ?? default,
            row.GetDateTimeOffset("PublishedAt"));
}
