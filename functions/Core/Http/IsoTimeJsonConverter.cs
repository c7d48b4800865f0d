using System.Text.Json;
using System.Text.Json.Serialization;

namespace Etransactions.Functions.Core.Http;

/// <summary>
/// Instants in the API's JSON as <see cref="IsoTime"/> writes them (<c>2026-01-16T17:00:00.000Z</c>), so every
/// record with a <see cref="DateTimeOffset"/> reads the same as the first version's; any ISO 8601 instant is read.
/// </summary>
internal sealed class IsoTimeJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var instant)
            ? instant
            : throw new JsonException("Expected an ISO 8601 date and time.");

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(IsoTime.Format(value));
}
