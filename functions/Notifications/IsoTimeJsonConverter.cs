using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Etransactions.Functions.Core;

namespace Etransactions.Functions.Notifications;

/// <summary>An instant written as <see cref="IsoTime"/> writes it (<c>2026-01-16T17:00:00.000Z</c>) and read from any ISO-8601 form with an offset.</summary>
internal sealed class IsoTimeJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant)
            ? instant.ToUniversalTime()
            : throw new JsonException("An instant is ISO-8601 with its offset, such as 2026-01-16T17:00:00.000Z.");

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(IsoTime.Format(value));
}
