using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Etransactions.Functions.Core.Http;

/// <summary>What a value of a type looks like in JSON, for "Expected …" messages.</summary>
internal static class JsonExpectations
{
    public static string Describe(JsonTypeInfo typeInfo)
    {
        var type = Nullable.GetUnderlyingType(typeInfo.Type) ?? typeInfo.Type;
        if (type.IsEnum)
        {
            // Each value as the serializer writes it, so the list matches what it reads.
            var options = typeInfo.Options;
            var names = Enum.GetValues(type).Cast<object>().Select(value => JsonSerializer.Serialize(value, type, options));
            return $"one of {string.Join(", ", names)}";
        }

        return type switch
        {
            _ when type == typeof(string) || type == typeof(char) => "a string",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte)
                || type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) || type == typeof(sbyte) =>
                "a whole number",
            _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => "a number",
            _ when type == typeof(DateOnly) => "a date as YYYY-MM-DD",
            _ when type == typeof(TimeOnly) => "a time as HH:mm:ss",
            _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) =>
                "a date and time in ISO 8601, such as 2025-06-30T19:30:00Z",
            _ when type == typeof(TimeSpan) => "a duration such as 01:30:00",
            _ when type == typeof(Guid) => "a GUID",
            _ when type == typeof(Uri) => "a URI",
            _ => $"a value of type {type.Name}",
        };
    }
}
