namespace Etransactions.Functions.Dossiers.Calendar;

/// <summary>A version of a year's calendar as <c>GET /api/calendar/{year}</c> shows it.</summary>
public sealed record CalendarView(
    int Year,
    int Version,
    DateTimeOffset PublishedAt,
    int WorkingDays,
    IReadOnlyList<Holiday> Holidays,
    IReadOnlyList<CompensatoryDay> CompensatoryDays,
    IReadOnlyList<DaySwap> Swaps)
{
    public static CalendarView Of(PublishedCalendar published)
    {
        var calendar = published.Calendar;
        // The count of days does not depend on the hours.
        var workingDays = new WorkingTime([calendar], WorkingHours.Default).WorkingDaysIn(calendar.Year);
        return new(calendar.Year, published.Version, published.PublishedAt, workingDays,
            calendar.Days.Holidays, calendar.Days.CompensatoryDays, calendar.Days.Swaps);
    }
}
