using Etransactions.Functions.Core.Problems;
using Etransactions.Functions.Dossiers.Workflow;
using Etransactions.Functions.Identity;
using static Etransactions.UnitTests.Dossiers.Calendar.CalendarSample;
using static Etransactions.UnitTests.Dossiers.DossierSamples;

namespace Etransactions.UnitTests.Dossiers.Workflow;

/// <summary>What <see cref="DossierMachine.Decide"/> refuses: the wrong person 403, the wrong state 409 naming it, a missing field 400.</summary>
public class DossierMachineRefusalTests
{
    private static readonly DossierMachine Rules = Machine();

    private static Dossier AtIntake => Received(Vietnam(3, 9, 9));

    private static Dossier InProcessing => Processing(Vietnam(3, 9, 8));

    private static void Forbidden(Dossier dossier, DossierCommand command) => Assert.Throws<ForbiddenException>(() => Rules.Decide(dossier, command));

    private static void Conflict(string state, Dossier dossier, DossierCommand command)
    {
        var conflict = Assert.Throws<ConflictException>(() => Rules.Decide(dossier, command));
        Assert.Equal(state, conflict.Extensions["state"]);
    }

    private static void Invalid(string field, Dossier dossier, DossierCommand command)
    {
        var invalid = Assert.Throws<ValidationFailedException>(() => Rules.Decide(dossier, command));
        Assert.Equal(field, Assert.Single(invalid.Errors).Field);
    }

    [Fact]
    public void A_step_by_a_role_the_procedure_does_not_give_it_is_403()
    {
        Forbidden(AtIntake, Command(DossierAction.Accept, Vietnam(3, 9, 10), Processor));
        Forbidden(AtIntake, Command(DossierAction.Accept, Vietnam(3, 9, 10), Applicant));
        Forbidden(InProcessing, Command(DossierAction.SubmitForApproval, Vietnam(3, 10, 9), Approver));
        Forbidden(InProcessing, Command(DossierAction.RequestSupplement, Vietnam(3, 10, 9), Receiver, missing: ["application-form"]));
        Forbidden(InProcessing, Command(DossierAction.Withdraw, Vietnam(3, 10, 9), Receiver));
        Forbidden(Processing(Vietnam(3, 9, 8), stepIndex: 3), Command(DossierAction.SendBack, Vietnam(3, 10, 9), Approver, reason: "Sai"));
    }

    [Fact]
    public void An_officer_of_another_agency_is_403()
    {
        Forbidden(AtIntake, Command(DossierAction.Accept, Vietnam(3, 9, 10), Officer(Roles.Receiver, OtherAgency)));
        Forbidden(InProcessing, Command(DossierAction.Stop, Vietnam(3, 10, 9), Officer(Roles.Processor, OtherAgency), reason: "Không đủ điều kiện"));
        Forbidden(InProcessing, Command(DossierAction.Approve, Vietnam(3, 10, 9), Officer(Roles.Approver, "000.00.00.h26-khac")));
    }

    [Fact]
    public void An_applicant_acting_on_another_applicants_dossier_is_403()
    {
        Forbidden(InProcessing, Command(DossierAction.Withdraw, Vietnam(3, 10, 9), OtherApplicant));
        Forbidden(InProcessing with { State = DossierState.AwaitingPayment }, Command(DossierAction.PayFee, Vietnam(3, 10, 9), OtherApplicant, reference: "VNPAY-1"));
        Forbidden(InProcessing with { State = DossierState.SupplementRequested }, Command(DossierAction.CompleteSupplement, Vietnam(3, 10, 9), OtherApplicant));
    }

    [Fact]
    public void The_processor_of_the_own_agency_may_not_give_the_opinion_asked_of_another_agency()
    {
        var awaiting = InProcessing with { State = DossierState.AwaitingOpinion, OpinionFrom = OtherAgency };

        Forbidden(awaiting, Command(DossierAction.GiveOpinion, Vietnam(3, 11, 9), Processor, reason: "Đồng ý"));
        Forbidden(awaiting, Command(DossierAction.GiveOpinion, Vietnam(3, 11, 9), Officer(Roles.Receiver, OtherAgency), reason: "Đồng ý"));
    }

    [Fact]
    public void Accepting_twice_is_409_naming_the_state()
    {
        var accepted = Rules.Decide(AtIntake, Command(DossierAction.Accept, Vietnam(3, 9, 10), Receiver)).Next;

        Conflict("awaitingPayment", accepted, Command(DossierAction.Accept, Vietnam(3, 9, 11), Receiver));
    }

    [Fact]
    public void A_step_out_of_order_is_409_naming_the_state()
    {
        Conflict("processing", Processing(Vietnam(3, 9, 8), stepIndex: 3), Command(DossierAction.Issue, Vietnam(3, 10, 9), Receiver));
        Conflict("processing", InProcessing, Command(DossierAction.Approve, Vietnam(3, 10, 9), Approver));
        Conflict("received", AtIntake, Command(DossierAction.SubmitForApproval, Vietnam(3, 10, 9), Processor));
    }

    [Theory]
    [InlineData(DossierAction.Accept, Roles.Receiver)]
    [InlineData(DossierAction.Refuse, Roles.Receiver)]
    [InlineData(DossierAction.RequestSupplement, Roles.Processor)]
    [InlineData(DossierAction.CompleteSupplement, Roles.Applicant)]
    [InlineData(DossierAction.Transfer, Roles.Processor)]
    [InlineData(DossierAction.RequestOpinion, Roles.Processor)]
    [InlineData(DossierAction.GiveOpinion, Roles.Processor)]
    [InlineData(DossierAction.SubmitForApproval, Roles.Processor)]
    [InlineData(DossierAction.Approve, Roles.Approver)]
    [InlineData(DossierAction.SendBack, Roles.Approver)]
    [InlineData(DossierAction.Sign, Roles.Signer)]
    [InlineData(DossierAction.Issue, Roles.Receiver)]
    [InlineData(DossierAction.Apologize, Roles.Processor)]
    [InlineData(DossierAction.PayFee, Roles.Applicant)]
    [InlineData(DossierAction.Withdraw, Roles.Applicant)]
    [InlineData(DossierAction.Stop, Roles.Processor)]
    public void Any_action_on_a_refused_dossier_is_409_naming_the_state(DossierAction action, string role)
    {
        var refused = AtIntake with { State = DossierState.Refused, EndedAt = Vietnam(3, 9, 10) };

        Conflict("refused", refused, Command(action, Vietnam(3, 10, 9), Actor(role), reason: "Lý do", to: OtherAgency,
            missing: ["application-form"], newDate: Vietnam(4, 30, 17), document: Draft(Vietnam(3, 10, 9)), reference: "VNPAY-1"));
    }

    [Fact]
    public void Withdrawing_a_resolved_dossier_is_409_naming_the_state()
    {
        var resolved = InProcessing with { State = DossierState.Resolved, StepIndex = 5, EndedAt = Vietnam(3, 16, 10) };

        Conflict("resolved", resolved, Command(DossierAction.Withdraw, Vietnam(3, 17, 9), Applicant));
    }

    [Fact]
    public void A_second_supplement_request_at_intake_is_409()
    {
        Conflict("supplementAtIntake", AtIntake with { State = DossierState.SupplementAtIntake },
            Command(DossierAction.RequestSupplement, Vietnam(3, 9, 10), Receiver, missing: ["application-form"]));
    }

    [Fact]
    public void Signing_with_no_draft_is_409()
    {
        Assert.Throws<ConflictException>(() => Rules.Decide(Processing(Vietnam(3, 9, 8), stepIndex: 3), Command(DossierAction.Sign, Vietnam(3, 10, 9), Signer)));
    }

    [Fact]
    public void Sending_back_before_submission_is_409_naming_the_state()
    {
        Conflict("processing", InProcessing, Command(DossierAction.SendBack, Vietnam(3, 10, 9), Processor, reason: "Sai"));
    }

    [Fact]
    public void Sending_back_before_submission_is_409()
    {
        Assert.Throws<ConflictException>(() => Rules.Decide(InProcessing, Command(DossierAction.SendBack, Vietnam(3, 10, 9), Processor, reason: "Sai")));
    }

    [Fact]
    public void Refusing_or_stopping_without_a_reason_is_400()
    {
        Invalid("reason", AtIntake, Command(DossierAction.Refuse, Vietnam(3, 9, 10), Receiver));
        Invalid("reason", AtIntake, Command(DossierAction.Refuse, Vietnam(3, 9, 10), Receiver, reason: "  "));
        Invalid("reason", InProcessing, Command(DossierAction.Stop, Vietnam(3, 10, 9), Processor));
    }

    [Fact]
    public void A_supplement_request_without_what_is_missing_is_400()
    {
        Invalid("missing", AtIntake, Command(DossierAction.RequestSupplement, Vietnam(3, 9, 10), Receiver));
        Invalid("missing", InProcessing, Command(DossierAction.RequestSupplement, Vietnam(3, 10, 9), Processor, missing: []));
    }

    [Fact]
    public void A_second_supplement_request_during_processing_without_a_reason_is_400()
    {
        Invalid("reason", InProcessing with { SupplementsDuringProcessing = 1 },
            Command(DossierAction.RequestSupplement, Vietnam(3, 12, 9), Processor, missing: ["application-form"]));
    }

    [Fact]
    public void A_transfer_without_to_is_400()
    {
        Invalid("to", InProcessing, Command(DossierAction.Transfer, Vietnam(3, 10, 9), Processor));
    }

    [Fact]
    public void An_opinion_asked_of_the_own_agency_or_of_no_agency_is_400()
    {
        Invalid("to", InProcessing, Command(DossierAction.RequestOpinion, Vietnam(3, 10, 9), Processor, reason: "Xin ý kiến", to: Agency));
        Invalid("to", InProcessing, Command(DossierAction.RequestOpinion, Vietnam(3, 10, 9), Processor, reason: "Xin ý kiến", to: Agency.ToLowerInvariant()));
        Invalid("to", InProcessing, Command(DossierAction.RequestOpinion, Vietnam(3, 10, 9), Processor, reason: "Xin ý kiến"));
        Invalid("reason", InProcessing, Command(DossierAction.RequestOpinion, Vietnam(3, 10, 9), Processor, to: OtherAgency));
    }

    [Fact]
    public void A_payment_without_its_reference_is_400()
    {
        Invalid("reference", InProcessing with { State = DossierState.AwaitingPayment }, Command(DossierAction.PayFee, Vietnam(3, 10, 9), Applicant));
    }

    [Fact]
    public void An_apology_whose_new_date_is_not_after_the_current_one_is_400()
    {
        // The current date is Friday 20 March 17:00.
        Invalid("newDate", InProcessing, Command(DossierAction.Apologize, Vietnam(3, 19, 10), Processor, reason: "Chờ xác minh", newDate: Vietnam(3, 20, 17)));
        Invalid("newDate", InProcessing, Command(DossierAction.Apologize, Vietnam(3, 19, 10), Processor, reason: "Chờ xác minh", newDate: Vietnam(3, 20, 12)));
        Invalid("newDate", InProcessing, Command(DossierAction.Apologize, Vietnam(3, 19, 10), Processor, reason: "Chờ xác minh"));
        Invalid("reason", InProcessing, Command(DossierAction.Apologize, Vietnam(3, 19, 10), Processor, newDate: Vietnam(3, 25, 17)));

        var apologised = InProcessing with { Apologies = [new Apology(Vietnam(3, 19, 10), Processor.Name, "Chờ xác minh", Vietnam(3, 25, 17))] };
        Invalid("newDate", apologised, Command(DossierAction.Apologize, Vietnam(3, 24, 10), Processor, reason: "Chờ thêm", newDate: Vietnam(3, 24, 17)));
    }

    [Fact]
    public void Send_back_and_an_opinion_need_a_reason()
    {
        Invalid("reason", Processing(Vietnam(3, 9, 8), stepIndex: 2), Command(DossierAction.SendBack, Vietnam(3, 11, 9), Approver));
        Invalid("reason", InProcessing with { State = DossierState.AwaitingOpinion, OpinionFrom = OtherAgency },
            Command(DossierAction.GiveOpinion, Vietnam(3, 11, 9), Officer(Roles.Processor, OtherAgency)));
    }
}
