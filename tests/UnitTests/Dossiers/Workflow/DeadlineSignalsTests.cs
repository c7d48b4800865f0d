using Etransactions.Functions.Dossiers.Workflow;
using static Etransactions.UnitTests.Dossiers.Calendar.CalendarSample;
using static Etransactions.UnitTests.Dossiers.DossierSamples;

namespace Etransactions.UnitTests.Dossiers.Workflow;

/// <summary>
/// <see cref="DeadlineSignals.Due"/> and <see cref="DossierMachine.Signal"/>: a dossier in processing since Monday 9 March
/// 08:00, its ten working days due Friday 20 March 17:00.
/// </summary>
public class DeadlineSignalsTests
{
    private static readonly DossierMachine Rules = Machine(Free);

    private static readonly DateTimeOffset Due = Vietnam(3, 20, 17);

    private static Dossier InProcessing => Processing(Vietnam(3, 9, 8));

    private static DeadlineSignal? SignalAt(Dossier dossier, DateTimeOffset now) => DeadlineSignals.Due(dossier, Rules.Deadlines, Time2026, now);

    [Fact]
    public void The_apology_is_asked_one_working_day_before_the_date()
    {
        Assert.Null(SignalAt(InProcessing, Vietnam(3, 19, 16, 59)));
        Assert.Equal(new DeadlineSignal(DeadlineSignalKind.ApologyDue, Due, Vietnam(3, 19, 17)), SignalAt(InProcessing, Vietnam(3, 19, 17)));
        Assert.Equal(new DeadlineSignal(DeadlineSignalKind.ApologyDue, Due, Vietnam(3, 20, 17)), SignalAt(InProcessing, Vietnam(3, 20, 17)));
    }

    [Fact]
    public void The_apology_is_asked_once_per_date()
    {
        var signal = SignalAt(InProcessing, Vietnam(3, 20, 9))!;

        var decision = Rules.Signal(InProcessing, signal)!;

        Assert.Equal(Due, decision.Next.ApologyAskedFor);
        Assert.Equal(new HistoryEntry(3, Vietnam(3, 20, 9), HistoryEvents.ApologyRequested, DossierState.Processing, DossierState.Processing,
            null, null, null, NewDate: Due), decision.Entry);
        Assert.Null(SignalAt(decision.Next, Vietnam(3, 20, 10)));
        Assert.Null(Rules.Signal(decision.Next, signal));
    }

    [Fact]
    public void Overdue_is_flagged_once_after_the_date()
    {
        var signal = SignalAt(InProcessing, Vietnam(3, 20, 17, 1))!;
        Assert.Equal(new DeadlineSignal(DeadlineSignalKind.Overdue, Due, Vietnam(3, 20, 17, 1)), signal);

        var decision = Rules.Signal(InProcessing, signal)!;

        Assert.Equal(Due, decision.Next.OverdueFor);
        Assert.Equal((HistoryEvents.Overdue, Timing.Late, Due), (decision.Entry.Event, decision.Entry.Timing, decision.Entry.NewDate));
        Assert.Null(SignalAt(decision.Next, Vietnam(3, 23, 9)));
        Assert.Null(Rules.Signal(decision.Next, signal));
    }

    [Fact]
    public void An_overdue_signal_before_the_date_or_for_another_date_changes_nothing()
    {
        Assert.Null(Rules.Signal(InProcessing, new DeadlineSignal(DeadlineSignalKind.Overdue, Due, Vietnam(3, 20, 16))));
        Assert.Null(Rules.Signal(InProcessing, new DeadlineSignal(DeadlineSignalKind.ApologyDue, Vietnam(3, 23, 17), Vietnam(3, 20, 16))));
    }

    [Fact]
    public void Nothing_is_signalled_while_the_clock_is_paused()
    {
        var supplement = InProcessing with
        {
            State = DossierState.SupplementRequested,
            Pauses = [new Pause(PauseReason.Supplement, Vietnam(3, 18, 10), null)],
        };
        var fees = InProcessing with { State = DossierState.AwaitingPayment, Pauses = [new Pause(PauseReason.Fees, Vietnam(3, 9, 8), null)] };

        Assert.Null(SignalAt(supplement, Vietnam(3, 25, 9)));
        Assert.Null(SignalAt(fees, Vietnam(3, 25, 9)));
    }

    [Fact]
    public void Nothing_is_signalled_at_intake_for_a_processing_date_or_after_the_end()
    {
        var received = Received(Vietnam(3, 9, 8));
        var resolved = InProcessing with { State = DossierState.Resolved, EndedAt = Vietnam(3, 19, 9) };

        Assert.Null(Rules.Signal(received, new DeadlineSignal(DeadlineSignalKind.Overdue, Due, Vietnam(3, 25, 9))));
        Assert.Null(Rules.Signal(resolved, new DeadlineSignal(DeadlineSignalKind.Overdue, Due, Vietnam(3, 25, 9))));
    }

    [Fact]
    public void A_dossier_unanswered_after_its_intakes_8_working_hours_is_flagged_overdue_once()
    {
        var received = Received(Vietnam(3, 9, 8));
        var intakeDue = Vietnam(3, 9, 17);

        Assert.Null(SignalAt(received, Vietnam(3, 9, 16, 59)));
        var signal = SignalAt(received, Vietnam(3, 10, 8))!;
        Assert.Equal(new DeadlineSignal(DeadlineSignalKind.Overdue, intakeDue, Vietnam(3, 10, 8)), signal);
        Assert.Null(Rules.Signal(received, new DeadlineSignal(DeadlineSignalKind.ApologyDue, intakeDue, Vietnam(3, 9, 16))));

        var decision = Rules.Signal(received, signal)!;

        Assert.Equal((HistoryEvents.Overdue, DossierState.Received, intakeDue), (decision.Entry.Event, decision.Next.State, decision.Next.OverdueFor));
        Assert.Null(SignalAt(decision.Next, Vietnam(3, 10, 9)));
        Assert.Null(Rules.Signal(decision.Next, signal));
    }

    [Fact]
    public void An_apologys_new_date_makes_the_earlier_signals_stale_and_has_its_own()
    {
        var newDate = Vietnam(3, 25, 17);
        var apologised = InProcessing with
        {
            ApologyAskedFor = Due,
            Apologies = [new Apology(Vietnam(3, 20, 10), Processor.Name, "Chờ xác minh", newDate)],
        };

        Assert.Null(Rules.Signal(apologised, new DeadlineSignal(DeadlineSignalKind.ApologyDue, Due, Vietnam(3, 20, 11))));
        Assert.Null(Rules.Signal(apologised, new DeadlineSignal(DeadlineSignalKind.Overdue, Due, Vietnam(3, 21, 9))));
        Assert.Null(SignalAt(apologised, Vietnam(3, 23, 9)));
        Assert.Equal(new DeadlineSignal(DeadlineSignalKind.ApologyDue, newDate, Vietnam(3, 24, 17)), SignalAt(apologised, Vietnam(3, 24, 17)));
        Assert.Equal(new DeadlineSignal(DeadlineSignalKind.Overdue, newDate, Vietnam(3, 25, 17, 30)), SignalAt(apologised, Vietnam(3, 25, 17, 30)));
        Assert.Equal(newDate, Rules.Signal(apologised, new DeadlineSignal(DeadlineSignalKind.ApologyDue, newDate, Vietnam(3, 24, 17)))!.Next.ApologyAskedFor);
    }
}
