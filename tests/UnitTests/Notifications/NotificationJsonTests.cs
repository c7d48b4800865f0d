using System.Text.Json;
using System.Text.Json.Nodes;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Notifications;

namespace Etransactions.UnitTests.Notifications;

/// <summary>The notification JSON, field by field as README.md (Notifications) shows it.</summary>
public sealed class NotificationJsonTests
{
    // The example of README.md, with whole ids in place of its "…".
    private const string ReadmeExample = """
        {
          "id": "selfdet-377d4c13-9a0e-4c55-8f1b-2d6e0c4b7a91-2026.2026-01-16T17:00:00.000Z-002-5f1c9a2b",
          "type": "selfDetermination.reminder",
          "occurredAt": "2026-01-16T17:00:00.000Z",
          "occurredAtVietnam": "2026-01-17T00:00:00+07:00",
          "recipients": ["platform"],
          "platformId": "377d4c13-9a0e-4c55-8f1b-2d6e0c4b7a91",
          "subject": { "vi": "Nhắc hạn: còn 14 ngày", "en": "Reminder: 14 days left" },
          "text": {
            "vi": "Còn 14 ngày đến hạn tự xác định quy mô kỳ 2026 (chậm nhất ngày 30/01/2026).",
            "en": "14 days remain to self-determine the scale for cycle 2026 (due by 30/01/2026)."
          },
          "data": {
            "instanceId": "selfdet-377d4c13-9a0e-4c55-8f1b-2d6e0c4b7a91-2026",
            "cycle": 2026,
            "deadline": "2026-01-30T17:00:00.000Z",
            "deadlineVietnam": "2026-01-31T00:00:00+07:00",
            "daysBefore": 14
          }
        }
        """;

    internal static Notification Reminder() => new(
        "selfdet-377d4c13-9a0e-4c55-8f1b-2d6e0c4b7a91-2026.2026-01-16T17:00:00.000Z-002-5f1c9a2b",
        "selfDetermination.reminder",
        new DateTimeOffset(2026, 1, 17, 0, 0, 0, TimeSpan.FromHours(7)),
        [NotificationRecipients.Platform],
        "377d4c13-9a0e-4c55-8f1b-2d6e0c4b7a91",
        new LocalizedText("Nhắc hạn: còn 14 ngày", "Reminder: 14 days left"),
        new LocalizedText(
            "Còn 14 ngày đến hạn tự xác định quy mô kỳ 2026 (chậm nhất ngày 30/01/2026).",
            "14 days remain to self-determine the scale for cycle 2026 (due by 30/01/2026)."),
        new JsonObject
        {
            ["instanceId"] = "selfdet-377d4c13-9a0e-4c55-8f1b-2d6e0c4b7a91-2026",
            ["cycle"] = 2026,
            ["deadline"] = "2026-01-30T17:00:00.000Z",
            ["deadlineVietnam"] = "2026-01-31T00:00:00+07:00",
            ["daysBefore"] = 14,
        });

    private static string Compact(string json) => JsonNode.Parse(json)!.ToJsonString(AppJson.Options);

    [Fact]
    public void ToJson_WritesTheReadmeExampleExactly_FieldsInOrderAndVietnameseAsWritten()
    {
        var json = Reminder().ToJson();

        Assert.Equal(Compact(ReadmeExample), json);
        Assert.Contains("\"Nhắc hạn: còn 14 ngày\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_LeavesOutThePlatformOfANotificationForNone()
    {
        var json = JsonNode.Parse((Reminder() with { PlatformId = null, Recipients = [NotificationRecipients.Regulator] }).ToJson())!.AsObject();

        Assert.False(json.ContainsKey("platformId"));
        Assert.Equal(["id", "type", "occurredAt", "occurredAtVietnam", "recipients", "subject", "text", "data"], json.Select(field => field.Key));
    }

    [Fact]
    public void ToJson_WritesTheInstantInUtcToTheMillisecondAndInVietnamToTheSecond()
    {
        var json = JsonNode.Parse((Reminder() with { OccurredAt = new DateTimeOffset(2026, 1, 30, 23, 59, 59, 250, TimeSpan.FromHours(7)) }).ToJson())!;

        Assert.Equal("2026-01-30T16:59:59.250Z", json["occurredAt"]!.GetValue<string>());
        Assert.Equal("2026-01-30T23:59:59+07:00", json["occurredAtVietnam"]!.GetValue<string>());
    }

    [Fact]
    public void FromJson_ReadsWhatToJsonWrote()
    {
        var read = Notification.FromJson(ReadmeExample);

        Assert.Equal(Compact(ReadmeExample), read.ToJson());
        Assert.Equal(new DateTimeOffset(2026, 1, 16, 17, 0, 0, TimeSpan.Zero), read.OccurredAt);
        Assert.Equal(14, read.Data["daysBefore"]!.GetValue<int>());
    }

    [Fact]
    public void FromJson_RefusesANotificationWithoutItsFields() =>
        Assert.ThrowsAny<JsonException>(() => Notification.FromJson("""{"id":"n-1","type":"selfDetermination.started"}"""));

    [Fact]
    public void StoredNotification_AddsWhenItWasRecordedAndPublished()
    {
        var recordedAt = new DateTimeOffset(2026, 1, 16, 17, 0, 1, TimeSpan.Zero);
        var unpublished = new StoredNotification(Reminder(), recordedAt, null).ToJsonObject();
        var published = new StoredNotification(Reminder(), recordedAt, recordedAt.AddSeconds(1)).ToJsonObject();

        Assert.Equal("2026-01-16T17:00:01.000Z", unpublished["recordedAt"]!.GetValue<string>());
        Assert.False(unpublished.ContainsKey("publishedAt"));
        Assert.Equal("2026-01-16T17:00:02.000Z", published["publishedAt"]!.GetValue<string>());
        Assert.Equal("selfDetermination.reminder", published["type"]!.GetValue<string>());
    }
}
