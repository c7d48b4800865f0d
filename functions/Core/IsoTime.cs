using System.Globalization;

namespace Etransactions.Functions.Core;

/// <summary>Instants as the API writes them: UTC ISO-8601 to the millisecond, <c>2025-06-30T19:30:00.000Z</c>.</summary>
public static class IsoTime
{
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
