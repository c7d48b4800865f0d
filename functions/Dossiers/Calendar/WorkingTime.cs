namespace Etransactions.Functions.Dossiers.Calendar;

/// <summary>Placeholder until the calendar lands: Monday to Friday, 08:00–12:00 and 13:00–17:00 Vietnam time.</summary>
public sealed class WorkingTime
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);
    private readonly HashSet<DateOnly> _off;
    private readonly HashSet<DateOnly> _on;

    public WorkingTime(IEnumerable<DateOnly>? off = null, IEnumerable<DateOnly>? on = null)
    {
        _off = [.. off ?? []];
        _on = [.. on ?? []];
    }

    private readonly int _endHour = 17;

    public TimeSpan WorkingDay => TimeSpan.FromHours(_endHour - 9);

    public bool IsWorkingDay(DateOnly day) => _on.Contains(day) || (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_off.Contains(day));

    private IEnumerable<(DateTimeOffset From, DateTimeOffset To)> Periods(DateOnly day)
    {
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Vn);
        yield return (start.AddHours(8), start.AddHours(12));
        yield return (start.AddHours(13), start.AddHours(_endHour));
    }

    public DateTimeOffset NextWorkingMoment(DateTimeOffset at)
    {
        at = at.ToOffset(Vn);
        for (var day = DateOnly.FromDateTime(at.DateTime); ; day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }
            foreach (var (from, to) in Periods(day))
            {
                if (at < to)
                {
                    return at > from ? at : from;
                }
            }
        }
    }

    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan working)
    {
        var at = start.ToOffset(Vn);
        if (working <= TimeSpan.Zero)
        {
            return at;
        }
        for (var day = DateOnly.FromDateTime(at.DateTime); ; day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }
            foreach (var (from, to) in Periods(day))
            {
                if (at >= to)
                {
                    continue;
                }
                var begin = at > from ? at : from;
                if (to - begin >= working)
                {
                    return begin + working;
                }
                working -= to - begin;
            }
        }
    }

    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        if (to <= from)
        {
            return total;
        }
        for (var day = DateOnly.FromDateTime(from.ToOffset(Vn).DateTime); day <= DateOnly.FromDateTime(to.ToOffset(Vn).DateTime); day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }
            foreach (var (a, b) in Periods(day))
            {
                var begin = a > from ? a : from;
                var end = b < to ? b : to;
                if (end > begin)
                {
                    total += end - begin;
                }
            }
        }
        return total;
    }

    public DateOnly NextWorkingDay(DateOnly day)
    {
        do
        {
            day = day.AddDays(1);
        }
        while (!IsWorkingDay(day));
        return day;
    }

    public DateTimeOffset EndOfWorkingDay(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Vn).AddHours(_endHour);
}
