using System.Globalization;

namespace Etransactions.Functions.Dossiers.Calendar;

/// <summary>
/// The hours of a working day in Vietnam time: two periods, <c>[Start, LunchStart)</c> and
/// <c>[LunchEnd, End)</c>, the lunch break strictly inside the day.
/// </summary>
public sealed record WorkingHours
{
    public static WorkingHours Default { get; } = new(new(8, 0), new(12, 0), new(13, 0), new(17, 0));

    public WorkingHours(TimeOnly start, TimeOnly lunchStart, TimeOnly lunchEnd, TimeOnly end)
    {
        if (!(start < lunchStart && lunchStart < lunchEnd && lunchEnd < end))
        {
            throw new ArgumentException($"Working hours must run start < lunch start < lunch end < end, got {start:HH:mm}, {lunchStart:HH:mm}-{lunchEnd:HH:mm}, {end:HH:mm}.");
        }
        Start = start;
        LunchStart = lunchStart;
        LunchEnd = lunchEnd;
        End = end;
    }

    public TimeOnly Start { get; }

    public TimeOnly LunchStart { get; }

    public TimeOnly LunchEnd { get; }

    public TimeOnly End { get; }

    /// <summary>The working time of one full day: 8 hours with 08:00-17:00 and lunch 12:00-13:00.</summary>
    public TimeSpan WorkingDay => (LunchStart - Start) + (End - LunchEnd);

    /// <summary>A range written <c>HH:mm-HH:mm</c> (24-hour clock), its start before its end.</summary>
    public static bool TryParseRange(string? text, out TimeOnly from, out TimeOnly to)
    {
        from = to = default;
        var parts = text?.Split('-');
        return parts is [var first, var second]
            && TimeOnly.TryParseExact(first, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out from)
            && TimeOnly.TryParseExact(second, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out to)
            && from < to;
    }
}
