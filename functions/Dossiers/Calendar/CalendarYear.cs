namespace Etransactions.Functions.Dossiers.Calendar;

/// <summary>One year's days, valid.</summary>
public sealed record CalendarYear(int Year, CalendarDays Days);

/// <summary>A version of a year's calendar as stored: who published it, when.</summary>
public sealed record PublishedCalendar(CalendarYear Calendar, int Version, DateTimeOffset PublishedAt, string PublishedBy);
