using System.Globalization;

namespace Etransactions.Functions.Core;

/// <summary>Time as the public reads it: Asia/Ho_Chi_Minh, which is UTC+07:00 all year (no daylight saving).</summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary><c>2025-03-14T09:05:09+07:00</c>: whole seconds, the offset written out.</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.ToOffset(Offset).ToString("yyyy-MM-dd'T'HH:mm:ss'+07:00'", CultureInfo.InvariantCulture);

    /// <summary>The calendar date in Vietnam at an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>The instant a Vietnam calendar date begins (00:00 at UTC+07:00), in UTC.</summary>
    public static DateTimeOffset StartOf(DateOnly date) =>
        new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();

    /// <summary><c>14/03/2025 09:05:09</c>, as a date and time are written in Vietnam.</summary>
    public static string Display(DateTimeOffset instant) =>
        instant.ToOffset(Offset).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);
}
