using System.Text.Json.Serialization;

namespace Etransactions.Functions.Notifications;

/// <summary>Text the public reads, Vietnamese first, English second: <c>{"vi":"…","en":"…"}</c>.</summary>
public sealed record LocalizedText(
    [property: JsonPropertyName("vi")] string Vi,
    [property: JsonPropertyName("en")] string En);
