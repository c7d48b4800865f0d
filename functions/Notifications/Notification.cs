using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Etransactions.Functions.Core;
using Etransactions.Functions.Core.Http;

namespace Etransactions.Functions.Notifications;

/// <summary>
/// A notification to a platform or the regulator: one JSON message on the Service Bus topic
/// <c>notifications</c> in Azure (the Azurite queue <c>notifications</c> locally), recorded in the table
/// <c>notifications</c>. The JSON is documented in README.md (Notifications): fields are only ever added,
/// never renamed, so each name is written out here and does not depend on the serializer's naming policy.
/// </summary>
/// <param name="Id">Stable: a repeated delivery of the same event has the same id (the Service Bus MessageId too); at most 128 characters, none of <c>/ \ # ?</c>.</param>
/// <param name="Type">What happened, e.g. <c>selfDetermination.reminder</c>.</param>
/// <param name="OccurredAt">When, written in UTC to the millisecond.</param>
/// <param name="Recipients"><see cref="NotificationRecipients.Platform"/> and/or <see cref="NotificationRecipients.Regulator"/>.</param>
/// <param name="PlatformId">The platform it concerns; left out of the JSON when none.</param>
/// <param name="Data">The facts of the event, by type (<c>cycle</c>, <c>daysBefore</c>, …).</param>
public sealed record Notification(
    // Order -1 puts occurredAtVietnam, declared below, right after occurredAt; the rest keep their order.
    [property: JsonPropertyName("id"), JsonPropertyOrder(-1)] string Id,
    [property: JsonPropertyName("type"), JsonPropertyOrder(-1)] string Type,
    [property: JsonPropertyName("occurredAt"), JsonPropertyOrder(-1), JsonConverter(typeof(IsoTimeJsonConverter))] DateTimeOffset OccurredAt,
    [property: JsonPropertyName("recipients")] IReadOnlyList<string> Recipients,
    [property: JsonPropertyName("platformId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PlatformId,
    [property: JsonPropertyName("subject")] LocalizedText Subject,
    [property: JsonPropertyName("text")] LocalizedText Text,
    [property: JsonPropertyName("data")] JsonObject Data)
{
    /// <summary>The same instant in Vietnam time, <c>2026-01-17T00:00:00+07:00</c>; derived, so never read back.</summary>
    [JsonPropertyName("occurredAtVietnam"), JsonPropertyOrder(-1)]
    public string OccurredAtVietnam => VietnamTime.Format(OccurredAt);

    /// <summary>The JSON as it is published: UTF-8 text, Vietnamese as written (not \u-escaped).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, AppJson.Options);

    /// <summary>The JSON as an object, to add fields to (the list endpoint adds when it was recorded and published).</summary>
    public JsonObject ToJsonObject() => JsonSerializer.SerializeToNode(this, AppJson.Options)!.AsObject();

    /// <summary>Reads the JSON that <see cref="ToJson"/> writes (occurredAtVietnam is accepted and ignored).</summary>
    public static Notification FromJson(string json) =>
        JsonSerializer.Deserialize<Notification>(json, AppJson.Options) ?? throw new JsonException("A notification is a JSON object, not null.");
}
