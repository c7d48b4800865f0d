using Etransactions.Functions.Platforms.Domain;

namespace Etransactions.Functions.Platforms.SelfDetermination;

/// <summary>What the deadline timer owes one determination now: a reminder, the deadline, or nothing.</summary>
public abstract record DueEvent
{
    public sealed record Reminder(int DaysBefore) : DueEvent;

    public sealed record DeadlinePassed : DueEvent;
}

/// <summary>
/// The deadline, reminders and overdue notice as data (Decree 137, Art. 18.2): decided from the determination
/// record and the app's clock, so the law's dates can be recomputed and a moved clock walks through them. Pure.
/// </summary>
public static class DeadlineCheck
{
    /// <summary>
    /// Only a platform that has sent nothing is reminded or made overdue. A reminder already past when the cycle
    /// started is skipped; when the clock jumped past both, only the one due now (the nearest the deadline) is
    /// sent; a reminder sent already is not due again.
    /// </summary>
    public static DueEvent? Due(DeterminationRecord record, DateTimeOffset now)
    {
        if (record.Status != DeterminationStatus.AwaitingStatistics || record.ProcessedVersion > 0)
        {
            return null;
        }
        if (now >= record.Deadline)
        {
            return new DueEvent.DeadlinePassed();
        }
        var due = Cycles.ReminderDays
            .Select(daysBefore => new Domain.Reminder(daysBefore, record.Deadline.AddDays(-daysBefore)))
            .Where(reminder => reminder.At <= now && reminder.At > record.StartedAt)
            .MinBy(reminder => reminder.DaysBefore);
        return due is not null && due.DaysBefore < (record.ReminderSentDaysBefore ?? int.MaxValue)
            ? new DueEvent.Reminder(due.DaysBefore)
            : null;
    }
}
