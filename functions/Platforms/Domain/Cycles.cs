using System.Globalization;
using Etransactions.Functions.Core;

namespace Etransactions.Functions.Platforms.Domain;

/// <summary>
/// Self-determination cycles (Decree 137, Art. 18.2). Cycle Y is the year whose deadline a platform answers:
/// 2025 is the first self-determination, due within 12 months of the decree's effect on 23 October 2024; from
/// 2026 it is due before 31 January of Y, over January–December of Y−1. Pure functions of their arguments;
/// dates are Vietnam calendar dates (UTC+07:00, no daylight saving).
/// </summary>
public static class Cycles
{
    public const int FirstCycle = 2025;

    /// <summary>Reminders go this many days before the deadline, to a platform that still owes statistics.</summary>
    public static IReadOnlyList<int> ReminderDays { get; } = [14, 3];

    /// <summary>
    /// Submissions must arrive before this instant. 2025: "no later than 12 months" from 23 October 2024, so
    /// 23 October 2025 is still in time (the deadline is the end of that day). From 2026: "before January 31",
    /// so the last day in time is 30 January (the deadline is the start of 31 January).
    /// </summary>
    public static DateTimeOffset DeadlineFor(int cycle) =>
        VietnamTime.StartOf(cycle == FirstCycle ? new DateOnly(2025, 10, 24) : new DateOnly(cycle, 1, 31));

    /// <summary>Why a cycle cannot be used now, or null when it can. Future cycles are not open yet.</summary>
    public static string? CycleProblem(int cycle, DateTimeOffset now)
    {
        if (cycle < FirstCycle)
        {
            return $"The first self-determination cycle is {FirstCycle}.";
        }
        var current = VietnamTime.DateOf(now).Year;
        return cycle > current ? $"Cycle {cycle} has not started yet (the current cycle is {current})." : null;
    }

    /// <summary>Reminders still ahead of <paramref name="now"/>, earliest first; those already past when a cycle starts are skipped.</summary>
    public static IReadOnlyList<Reminder> RemindersAhead(DateTimeOffset deadline, DateTimeOffset now) =>
        [.. ReminderDays
            .Select(daysBefore => new Reminder(daysBefore, deadline.AddDays(-daysBefore)))
            .Where(reminder => reminder.At > now)
            .OrderBy(reminder => reminder.At)];

    /// <summary>A month <c>YYYY-MM</c> as a running index (year × 12 + month − 1), so that "consecutive" is plain arithmetic.</summary>
    public static int MonthIndex(string month)
    {
        if (month.Length != 7 || month[4] != '-'
            || !int.TryParse(month.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(month.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            throw new ArgumentException($"Not a month as YYYY-MM: \"{month}\".", nameof(month));
        }
        return (year * 12) + number - 1;
    }

    public static string MonthLabel(int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{index / 12:D4}-{(index % 12) + 1:D2}");

    /// <summary>
    /// The months a cycle's 12 months may end with. From 2026 the period is fixed (December of Y−1). For 2025
    /// the law asks for "the last 12 months" before the self-determination, so the period may end with any
    /// complete month from September 2024 (the last complete month when the decree took effect) to the month
    /// before the submission.
    /// </summary>
    public static MonthRange AllowedLastMonths(int cycle, DateTimeOffset submittedAt)
    {
        if (cycle != FirstCycle)
        {
            var december = MonthLabel(((cycle - 1) * 12) + 11);
            return new MonthRange(december, december);
        }
        var today = VietnamTime.DateOf(submittedAt);
        return new MonthRange("2024-09", MonthLabel((today.Year * 12) + today.Month - 2));
    }

    /// <summary>
    /// Art. 18.2.a obliges platforms operating 12 months or more: a cycle is started for a platform that will
    /// have operated 12 months by the last day in time.
    /// </summary>
    public static bool OperatesTwelveMonthsBy(DateOnly operatingSince, int cycle)
    {
        var lastDayInTime = VietnamTime.DateOf(DeadlineFor(cycle)).AddDays(-1);
        return operatingSince <= lastDayInTime.AddYears(-1);
    }
}
