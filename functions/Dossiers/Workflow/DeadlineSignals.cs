using Etransactions.Functions.Dossiers.Calendar;

namespace Etransactions.Functions.Dossiers.Workflow;

/// <summary>
/// Which signal a dossier needs now, if any: in processing, overdue once past its date, else the apology a working
/// day before it; waiting at intake, overdue once its 8 working hours have passed with no answer.
/// </summary>
public static class DeadlineSignals
{
    public static DeadlineSignal? Due(Dossier dossier, Deadlines deadlines, WorkingTime calendar, DateTimeOffset now)
    {
        if (dossier.State == DossierState.Received)
        {
            var intakeDue = deadlines.IntakeDue(dossier);
            return now > intakeDue && dossier.OverdueFor != intakeDue ? new DeadlineSignal(DeadlineSignalKind.Overdue, intakeDue, now) : null;
        }
        // Ended, or a paused clock, asks nothing: a paused date moves on with the pause.
        if (!dossier.State.IsInProcessing() || dossier.State.IsPaused() || deadlines.Current(dossier, now) is not { } due)
        {
            return null;
        }
        if (now > due)
        {
            return dossier.OverdueFor == due ? null : new DeadlineSignal(DeadlineSignalKind.Overdue, due, now);
        }
        return dossier.ApologyAskedFor != due && calendar.WorkingTimeBetween(now, due) <= calendar.WorkingDay
            ? new DeadlineSignal(DeadlineSignalKind.ApologyDue, due, now)
            : null;
    }
}
