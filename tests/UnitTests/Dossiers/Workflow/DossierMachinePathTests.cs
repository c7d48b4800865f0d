using Etransactions.Functions.Dossiers.Workflow;
using Etransactions.Functions.Identity;
using static Etransactions.UnitTests.Dossiers.Calendar.CalendarSample;
using static Etransactions.UnitTests.Dossiers.DossierSamples;

namespace Etransactions.UnitTests.Dossiers.Workflow;

/// <summary>The ways through <see cref="DossierMachine.Decide"/> that succeed, on the sample procedure and the 2026 calendar.</summary>
public class DossierMachinePathTests
{
    [Fact]
    public void The_whole_path_with_a_fee_ends_resolved()
    {
        var machine = Machine();
        var received = Received(Vietnam(3, 9, 9));

        var accepted = machine.Decide(received, Command(DossierAction.Accept, Vietnam(3, 9, 10), Receiver));
        Assert.Equal(DossierState.AwaitingPayment, accepted.Next.State);
        Assert.Equal(Vietnam(3, 9, 10), accepted.Next.AcceptedAt);
        Assert.Equal(Vietnam(3, 9, 10), accepted.Next.ClockStart);
        Assert.Equal(1, accepted.Next.StepIndex);
        Assert.Equal([new Pause(PauseReason.Fees, Vietnam(3, 9, 10), null)], accepted.Next.Pauses);
        Assert.False(accepted.SignDraft);

        var paid = machine.Decide(accepted.Next, Command(DossierAction.PayFee, Vietnam(3, 9, 15), Applicant, reference: "VNPAY-0001"));
        Assert.Equal(DossierState.Processing, paid.Next.State);
        Assert.Equal([new Pause(PauseReason.Fees, Vietnam(3, 9, 10), Vietnam(3, 9, 15))], paid.Next.Pauses);
        // Ten working days from 9 March 10:00 is 23 March 10:00; the fee's four working hours push it to 15:00.
        Assert.Equal(Vietnam(3, 23, 15), machine.Deadlines.Original(paid.Next, Vietnam(3, 10, 9)));

        var draft = Draft(Vietnam(3, 12, 10));
        var submitted = machine.Decide(paid.Next, Command(DossierAction.SubmitForApproval, Vietnam(3, 12, 10), Processor, document: draft));
        Assert.Equal((DossierState.Processing, 2, draft), (submitted.Next.State, submitted.Next.StepIndex, submitted.Next.Draft));

        var approved = machine.Decide(submitted.Next, Command(DossierAction.Approve, Vietnam(3, 13, 10), Approver));
        Assert.Equal((DossierState.Processing, 3), (approved.Next.State, approved.Next.StepIndex));
        Assert.False(approved.SignDraft);

        var signed = machine.Decide(approved.Next, Command(DossierAction.Sign, Vietnam(3, 16, 10), Signer));
        Assert.Equal((DossierState.Processing, 4, draft), (signed.Next.State, signed.Next.StepIndex, signed.Next.Draft));
        Assert.True(signed.SignDraft);

        var issued = machine.Decide(signed.Next, Command(DossierAction.Issue, Vietnam(3, 16, 14), Receiver));
        Assert.Equal(DossierState.Resolved, issued.Next.State);
        Assert.Equal(Vietnam(3, 16, 14), issued.Next.EndedAt);
        Assert.Equal(7, issued.Next.Sequence);
        Assert.Equal(Timing.Early, issued.Entry.Timing);
        Assert.Equal(Timing.Early, machine.Deadlines.Outcome(issued.Next));
        // 9 March 10:00 to 16 March 14:00 is 43 working hours, less the 4 of the fee.
        Assert.Equal(TimeSpan.FromHours(39), machine.Deadlines.Used(issued.Next, Vietnam(3, 30, 9)));
    }

    [Fact]
    public void History_entries_carry_the_sequence_the_states_the_actor_the_timing_and_the_action_id()
    {
        var command = Command(DossierAction.Accept, Vietnam(3, 9, 10), Receiver);

        var entry = Machine().Decide(Received(Vietnam(3, 9, 9)), command).Entry;

        Assert.Equal(new HistoryEntry(2, Vietnam(3, 9, 10), "accept", DossierState.Received, DossierState.AwaitingPayment,
            Receiver.Subject, Receiver.Name, Roles.Receiver, Timing.Early, ActionId: command.ActionId), entry);
    }

    [Theory]
    [InlineData(9, 15, Timing.OnTime)] // intake due Monday 9 March 17:00
    [InlineData(9, 17, Timing.OnTime)]
    [InlineData(10, 9, Timing.Late)]
    public void Acceptance_is_timed_against_the_intake_due_8_working_hours_after_it_counts_from(int day, int hour, Timing expected)
    {
        // Received Friday 6 March 18:00: the intake counts from Monday 9 March 08:00.
        var entry = Machine(Free).Decide(Received(Vietnam(3, 6, 18)), Command(DossierAction.Accept, Vietnam(3, day, hour), Receiver)).Entry;

        Assert.Equal(expected, entry.Timing);
    }

    [Fact]
    public void Accepted_after_hours_the_clock_starts_at_the_next_working_moment()
    {
        var received = Received(Vietnam(3, 6, 16));

        var free = Machine(Free).Decide(received, Command(DossierAction.Accept, Vietnam(3, 6, 17, 30), Receiver)).Next;
        var withFee = Machine().Decide(received, Command(DossierAction.Accept, Vietnam(3, 6, 17, 30), Receiver)).Next;

        Assert.Equal(DossierState.Processing, free.State);
        Assert.Equal(Vietnam(3, 6, 17, 30), free.AcceptedAt);
        Assert.Equal(Vietnam(3, 9, 8), free.ClockStart);
        Assert.Empty(free.Pauses);
        Assert.Equal(Vietnam(3, 20, 17), Machine(Free).Deadlines.Original(free, Vietnam(3, 9, 9)));
        Assert.Equal([new Pause(PauseReason.Fees, Vietnam(3, 9, 8), null)], withFee.Pauses);
    }

    [Fact]
    public void A_supplement_completed_at_intake_restarts_the_intake_from_the_next_working_moment()
    {
        var machine = Machine();
        var asked = machine.Decide(Received(Vietnam(3, 9, 9)),
            Command(DossierAction.RequestSupplement, Vietnam(3, 9, 11), Receiver, missing: ["identity-document"]));
        Assert.Equal(DossierState.SupplementAtIntake, asked.Next.State);
        Assert.Equal(["identity-document"], asked.Entry.Missing!);

        var component = new StoredComponent("identity-document", "cccd.pdf", "application/pdf", 1000, new string('b', 64), "components/b.pdf", Vietnam(3, 14, 10));
        var completed = machine.Decide(asked.Next, Command(DossierAction.CompleteSupplement, Vietnam(3, 14, 10), Applicant, components: [component]));

        Assert.Equal(DossierState.Received, completed.Next.State);
        Assert.Equal(Vietnam(3, 16, 8), completed.Next.CountsFrom);
        Assert.Equal([component], completed.Next.Components);
        Assert.Null(completed.Next.ClockStart);
        Assert.Equal(Vietnam(3, 16, 17), machine.Deadlines.IntakeDue(completed.Next));
    }

    [Fact]
    public void A_supplement_during_processing_pauses_the_clock_until_it_is_completed()
    {
        var machine = Machine(Free);
        var asked = machine.Decide(Processing(Vietnam(3, 9, 8)),
            Command(DossierAction.RequestSupplement, Vietnam(3, 11, 14), Processor, missing: ["application-form"]));
        Assert.Equal(DossierState.SupplementRequested, asked.Next.State);
        Assert.Equal(1, asked.Next.SupplementsDuringProcessing);

        var completed = machine.Decide(asked.Next, Command(DossierAction.CompleteSupplement, Vietnam(3, 13, 10), Applicant));

        Assert.Equal(DossierState.Processing, completed.Next.State);
        Assert.Equal([new Pause(PauseReason.Supplement, Vietnam(3, 11, 14), Vietnam(3, 13, 10))], completed.Next.Pauses);
        Assert.Equal(Vietnam(3, 24, 14), machine.Deadlines.Original(completed.Next, Vietnam(3, 16, 9)));
    }

    [Fact]
    public void A_second_supplement_during_processing_with_a_reason_is_accepted_and_the_dossier_counts_late()
    {
        var machine = Machine(Free);
        var dossier = Processing(Vietnam(3, 9, 8)) with
        {
            SupplementsDuringProcessing = 1,
            Pauses = [new Pause(PauseReason.Supplement, Vietnam(3, 10, 9), Vietnam(3, 10, 10))],
        };

        var asked = machine.Decide(dossier, Command(DossierAction.RequestSupplement, Vietnam(3, 11, 9), Processor,
            reason: "Giấy tờ bổ sung lần trước không đọc được", missing: ["identity-document"]));
        Assert.Equal((DossierState.SupplementRequested, 2), (asked.Next.State, asked.Next.SupplementsDuringProcessing));

        var next = machine.Decide(asked.Next, Command(DossierAction.CompleteSupplement, Vietnam(3, 11, 10), Applicant)).Next;
        next = machine.Decide(next, Command(DossierAction.SubmitForApproval, Vietnam(3, 11, 11), Processor, document: Draft(Vietnam(3, 11, 11)))).Next;
        next = machine.Decide(next, Command(DossierAction.Approve, Vietnam(3, 11, 14), Approver)).Next;
        next = machine.Decide(next, Command(DossierAction.Sign, Vietnam(3, 11, 15), Signer)).Next;
        var issued = machine.Decide(next, Command(DossierAction.Issue, Vietnam(3, 11, 16), Receiver));

        Assert.Equal(DossierState.Resolved, issued.Next.State);
        Assert.Equal(Timing.Early, issued.Entry.Timing);
        Assert.Equal(Timing.Late, machine.Deadlines.Outcome(issued.Next));
    }

    [Fact]
    public void Send_back_returns_to_submit_for_approval_and_it_is_submitted_again()
    {
        var machine = Machine(Free);

        var back = machine.Decide(Processing(Vietnam(3, 9, 8), stepIndex: 2), Command(DossierAction.SendBack, Vietnam(3, 11, 9), Approver, reason: "Cần xác minh thêm"));
        Assert.Equal((DossierState.Processing, 1), (back.Next.State, back.Next.StepIndex));
        Assert.Equal(("sendBack", "Cần xác minh thêm"), (back.Entry.Event, back.Entry.Reason));

        var again = machine.Decide(back.Next, Command(DossierAction.SubmitForApproval, Vietnam(3, 12, 9), Processor, document: Draft(Vietnam(3, 12, 9))));
        Assert.Equal(2, again.Next.StepIndex);

        // Once approved, the signer is the one who sends back.
        var fromSigner = machine.Decide(Processing(Vietnam(3, 9, 8), stepIndex: 3), Command(DossierAction.SendBack, Vietnam(3, 11, 9), Signer, reason: "Sai thông tin"));
        Assert.Equal(1, fromSigner.Next.StepIndex);
    }

    [Fact]
    public void An_opinion_is_asked_of_another_agency_and_given_by_its_processor()
    {
        var machine = Machine(Free);

        var asked = machine.Decide(Processing(Vietnam(3, 9, 8)), Command(DossierAction.RequestOpinion, Vietnam(3, 10, 9), Processor, reason: "Xin ý kiến xác minh", to: OtherAgency));
        Assert.Equal((DossierState.AwaitingOpinion, OtherAgency, OtherAgency), (asked.Next.State, asked.Next.OpinionFrom, asked.Entry.Target));

        var given = machine.Decide(asked.Next, Command(DossierAction.GiveOpinion, Vietnam(3, 11, 9), Officer(Roles.Processor, OtherAgency), reason: "Không có án tích"));
        Assert.Equal(DossierState.Processing, given.Next.State);
        Assert.Null(given.Next.OpinionFrom);
        Assert.Equal($"{Roles.Processor}@{OtherAgency}", given.Entry.ActorSubject);
    }

    [Fact]
    public void Transfer_apologize_withdraw_stop_and_refuse_do_what_they_say()
    {
        var machine = Machine(Free);
        var processing = Processing(Vietnam(3, 9, 8));

        var transferred = machine.Decide(processing, Command(DossierAction.Transfer, Vietnam(3, 9, 9), Receiver, to: "phong-ho-tich"));
        Assert.Equal((DossierState.Processing, "phong-ho-tich"), (transferred.Next.State, transferred.Next.Holder));

        var apology = machine.Decide(processing, Command(DossierAction.Apologize, Vietnam(3, 19, 10), Processor, reason: "Chờ xác minh", newDate: Vietnam(3, 25, 17)));
        Assert.Equal(DossierState.Processing, apology.Next.State);
        Assert.Equal([new Apology(Vietnam(3, 19, 10), Processor.Name, "Chờ xác minh", Vietnam(3, 25, 17))], apology.Next.Apologies);
        Assert.Equal(Vietnam(3, 25, 17), apology.Entry.NewDate);
        Assert.Equal(Vietnam(3, 25, 17), machine.Deadlines.Current(apology.Next, Vietnam(3, 19, 11)));

        var withdrawn = machine.Decide(processing, Command(DossierAction.Withdraw, Vietnam(3, 10, 9), Applicant));
        Assert.Equal((DossierState.Withdrawn, Vietnam(3, 10, 9)), (withdrawn.Next.State, withdrawn.Next.EndedAt));

        var stopped = machine.Decide(processing, Command(DossierAction.Stop, Vietnam(3, 10, 9), Approver, reason: "Không đủ điều kiện"));
        Assert.Equal((DossierState.Stopped, Vietnam(3, 10, 9)), (stopped.Next.State, stopped.Next.EndedAt));

        var refused = machine.Decide(Received(Vietnam(3, 9, 9)), Command(DossierAction.Refuse, Vietnam(3, 9, 10), Receiver, reason: "Không thuộc thẩm quyền"));
        Assert.Equal((DossierState.Refused, Vietnam(3, 9, 10), Timing.Early), (refused.Next.State, refused.Next.EndedAt, refused.Entry.Timing));
    }
}
