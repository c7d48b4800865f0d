using Etransactions.Functions.Core;
using Etransactions.Functions.Dossiers.Calendar;
using Etransactions.Functions.Dossiers.Procedures;

namespace Etransactions.Functions.Dossiers.Workflow;

/// <summary>
/// A dossier's deadlines and time, computed from its ledger and the calendar in force. Working-time limits run
/// in working minutes from the clock's start and are pushed on by the working time of each pause that began
/// before the deadline; calendar limits follow the Civil Code (the starting day is not counted, the period ends
/// at 24:00 of its last day, or at the end of the next working day when that day is not one), pushed on by
/// each pause's length.
/// </summary>
public sealed class Deadlines(WorkingTime calendar, TimeLimit limit)
{
    /// <summary>Decree 45/2020: a dossier received online is accepted or refused within 8 working hours.</summary>
    public static readonly TimeSpan IntakeTime = TimeSpan.FromHours(8);

    public DateTimeOffset IntakeDue(Dossier dossier) => calendar.AddWorkingTime(dossier.CountsFrom, IntakeTime);

    /// <summary>The appointment date the law gives (Mẫu 01), pauses excluded; an open pause counts up to <paramref name="now"/>.</summary>
    public DateTimeOffset? Original(Dossier dossier, DateTimeOffset now)
    {
        if (dossier.ClockStart is not { } start)
        {
            return null;
        }
        return limit.Unit switch
        {
            TimeLimitUnit.WorkingHours => WorkingDue(start, TimeSpan.FromHours(limit.Value), dossier.Pauses, now),
            TimeLimitUnit.WorkingDays => WorkingDue(start, calendar.WorkingDay * limit.Value, dossier.Pauses, now),
            TimeLimitUnit.CalendarDays => CalendarDue(VietnamTime.DateOf(start).AddDays(limit.Value), dossier.Pauses, now),
            _ => CalendarDue(VietnamTime.DateOf(start).AddMonths(limit.Value), dossier.Pauses, now),
        };
    }

    /// <summary>The date the applicant is told now: the last apology's new date, else the original one.</summary>
    public DateTimeOffset? Current(Dossier dossier, DateTimeOffset now) =>
        dossier.Apologies.Count > 0 ? dossier.Apologies[^1].NewDate : Original(dossier, now);

    /// <summary>Working time used since the clock started, pauses excluded, up to the end or <paramref name="now"/>.</summary>
    public TimeSpan Used(Dossier dossier, DateTimeOffset now)
    {
        if (dossier.ClockStart is not { } start)
        {
            return TimeSpan.Zero;
        }
        var end = dossier.EndedAt ?? now;
        var used = calendar.WorkingTimeBetween(start, end);
        foreach (var pause in dossier.Pauses)
        {
            used -= calendar.WorkingTimeBetween(Max(pause.From, start), Min(pause.To ?? end, end));
        }
        return used;
    }

    /// <summary>Working time left until the current date: negative once it has passed.</summary>
    public TimeSpan? Left(Dossier dossier, DateTimeOffset now)
    {
        if (Current(dossier, now) is not { } due)
        {
            return null;
        }
        var at = dossier.EndedAt ?? now;
        return at <= due ? calendar.WorkingTimeBetween(at, due) : -calendar.WorkingTimeBetween(due, at);
    }

    /// <summary>
    /// Early (an earlier day), on time (by the date) or late, against a due moment. The due day is that of the
    /// moment just before it: a period ending at 24:00 ends on its last day, not on the next.
    /// </summary>
    public static Timing TimingOf(DateTimeOffset at, DateTimeOffset due) =>
        at > due ? Timing.Late : VietnamTime.DateOf(at) < VietnamTime.DateOf(due.AddTicks(-1)) ? Timing.Early : Timing.OnTime;

    /// <summary>
    /// How the dossier ended against the original date: a second supplement request during processing counts
    /// as late whatever the date (the 766 indicators).
    /// </summary>
    public Timing? Outcome(Dossier dossier)
    {
        if (dossier.EndedAt is not { } ended || Original(dossier, ended) is not { } due)
        {
            return null;
        }
        return dossier.SupplementsDuringProcessing > 1 ? Timing.Late : TimingOf(ended, due);
    }

    private DateTimeOffset WorkingDue(DateTimeOffset start, TimeSpan budget, IReadOnlyList<Pause> pauses, DateTimeOffset now)
    {
        var due = calendar.AddWorkingTime(start, budget);
        foreach (var pause in pauses.OrderBy(p => p.From))
        {
            if (pause.From < due)
            {
                due = calendar.AddWorkingTime(due, calendar.WorkingTimeBetween(pause.From, pause.To ?? Max(now, pause.From)));
            }
        }
        return due;
    }

    private DateTimeOffset CalendarDue(DateOnly lastDay, IReadOnlyList<Pause> pauses, DateTimeOffset now)
    {
        var due = VietnamTime.StartOf(lastDay.AddDays(1));
        foreach (var pause in pauses.OrderBy(p => p.From))
        {
            if (pause.From < due)
            {
                due += (pause.To ?? Max(now, pause.From)) - pause.From;
            }
        }
        var day = VietnamTime.DateOf(due.AddTicks(-1));
        return calendar.IsWorkingDay(day) ? due : calendar.EndOfWorkingDay(calendar.NextWorkingDay(day));
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}

public enum Timing
{
    Early,
    OnTime,
    Late,
}
