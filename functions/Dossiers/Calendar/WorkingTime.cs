using Etransactions.Functions.Core;

namespace Etransactions.Functions.Dossiers.Calendar;

/// <summary>
/// Working time in Vietnam (UTC+07:00) as deadlines count it (Decree 137 Art. 7–9, Decree 42): the working
/// hours of Monday to Friday, less each published year's holidays, compensatory days and swapped days off,
/// plus its swapped Saturdays and Sundays. A year with no published calendar is plain Monday to Friday.
/// Every result is a Vietnam time (+07:00). Days are walked one by one: a deadline of months is a few
/// hundred steps.
/// </summary>
public sealed class WorkingTime
{
    private readonly HashSet<DateOnly> _daysOff = [];
    private readonly HashSet<DateOnly> _workdays = [];

    public WorkingTime(IEnumerable<CalendarYear> years, WorkingHours hours)
    {
        ArgumentNullException.ThrowIfNull(years);
        Hours = hours ?? throw new ArgumentNullException(nameof(hours));
        var seen = new HashSet<int>();
        foreach (var year in years)
        {
            if (!seen.Add(year.Year))
            {
                throw new ArgumentException($"The calendar of {year.Year} is given twice.", nameof(years));
            }
            _daysOff.UnionWith(year.Days.Holidays.Select(holiday => holiday.Date));
            _daysOff.UnionWith(year.Days.CompensatoryDays.Select(day => day.Date));
            _daysOff.UnionWith(year.Days.Swaps.Select(swap => swap.DayOff));
            _workdays.UnionWith(year.Days.Swaps.Select(swap => swap.Workday));
        }
    }

    public WorkingHours Hours { get; }

    /// <summary>The working time of one full working day.</summary>
    public TimeSpan WorkingDay => Hours.WorkingDay;

    /// <summary>Monday to Friday unless a holiday, a compensatory day or a swapped day off; a Saturday or Sunday only when swapped in.</summary>
    public bool IsWorkingDay(DateOnly day) =>
        _workdays.Contains(day) || (!_daysOff.Contains(day) && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    /// <summary>The first working day strictly after <paramref name="day"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly day)
    {
        var next = day.AddDays(1);
        while (!IsWorkingDay(next))
        {
            next = next.AddDays(1);
        }
        return next;
    }

    /// <summary>The end of the working hours of <paramref name="day"/> (17:00 by default), Vietnam time.</summary>
    public DateTimeOffset EndOfWorkingDay(DateOnly day) => At(day, Hours.End);

    /// <summary>
    /// <paramref name="at"/> itself when it is working time; otherwise the start of the next working period
    /// (13:00 during lunch, the next working morning after hours or on a day off). A dossier received
    /// outside working time counts from there.
    /// </summary>
    public DateTimeOffset NextWorkingMoment(DateTimeOffset at)
    {
        var local = at.ToOffset(VietnamTime.Offset);
        for (var day = DateOf(local); ; day = day.AddDays(1))
        {
            foreach (var (start, end) in PeriodsOf(day))
            {
                if (local < end)
                {
                    return local < start ? start : local;
                }
            }
        }
    }

    /// <summary>
    /// The earliest moment by which <paramref name="working"/> working time has passed since
    /// <paramref name="start"/>: it may be the very end of a period (17:00, 12:00), not the start of the next.
    /// Zero is <paramref name="start"/> itself.
    /// </summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan working)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(working, TimeSpan.Zero);
        var cursor = start.ToOffset(VietnamTime.Offset);
        if (working == TimeSpan.Zero)
        {
            return cursor;
        }
        var remaining = working;
        for (var day = DateOf(cursor); ; day = day.AddDays(1))
        {
            foreach (var (periodStart, periodEnd) in PeriodsOf(day))
            {
                if (cursor >= periodEnd)
                {
                    continue;
                }
                var from = cursor > periodStart ? cursor : periodStart;
                if (remaining <= periodEnd - from)
                {
                    return from + remaining;
                }
                remaining -= periodEnd - from;
            }
        }
    }

    /// <summary>The working time within <c>[from, to)</c>; zero when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }
        var total = TimeSpan.Zero;
        var last = DateOf(to.ToOffset(VietnamTime.Offset));
        for (var day = DateOf(from.ToOffset(VietnamTime.Offset)); day <= last; day = day.AddDays(1))
        {
            foreach (var (start, end) in PeriodsOf(day))
            {
                var overlap = (end < to ? end : to) - (start > from ? start : from);
                if (overlap > TimeSpan.Zero)
                {
                    total += overlap;
                }
            }
        }
        return total;
    }

    /// <summary>How many working days <paramref name="year"/> has.</summary>
    public int WorkingDaysIn(int year)
    {
        var count = 0;
        for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
        {
            count += IsWorkingDay(day) ? 1 : 0;
        }
        return count;
    }

    private (DateTimeOffset Start, DateTimeOffset End)[] PeriodsOf(DateOnly day) =>
        IsWorkingDay(day) ? [(At(day, Hours.Start), At(day, Hours.LunchStart)), (At(day, Hours.LunchEnd), At(day, Hours.End))] : [];

    private static DateTimeOffset At(DateOnly day, TimeOnly time) => new(day.ToDateTime(time), VietnamTime.Offset);

    private static DateOnly DateOf(DateTimeOffset local) => DateOnly.FromDateTime(local.DateTime);
}
