using Etransactions.Functions.Core;
using Etransactions.Functions.Core.Problems;
using Etransactions.Functions.Core.Storage;
using Etransactions.Functions.Dossiers.Calendar;
using Etransactions.Functions.Dossiers.Procedures;
using Etransactions.Functions.Identity;

namespace Etransactions.Functions.Dossiers.Workflow;

/// <summary>What an action or a signal does: the dossier after it, its history entry, and whether the draft result is to be signed.</summary>
public sealed record Decision(Dossier Next, HistoryEntry Entry, bool SignDraft = false);

/// <summary>
/// The rules of a dossier's life, pure and deterministic: the same dossier, procedure version, calendar and
/// command give the same decision, so the HTTP function can check an action at once and the workflow decides
/// it for good. An action by the wrong person is 403, in the wrong state 409 naming the state, with a missing
/// field 400.
/// </summary>
public sealed class DossierMachine(Procedure procedure, WorkingTime calendar)
{
    private readonly Deadlines _deadlines = new(calendar, procedure.Definition.TimeLimit);

    public Deadlines Deadlines => _deadlines;

    public Decision Decide(Dossier dossier, DossierCommand command)
    {
        var state = dossier.State;
        return command.Action switch
        {
            DossierAction.Accept => Step(dossier, command, [DossierState.Received], Accept),
            DossierAction.Refuse => Officer(dossier, command, Roles.Receiver, [DossierState.Received, DossierState.SupplementAtIntake],
                d => Move(d, command, DossierState.Refused, ended: true), reason: true),
            DossierAction.RequestSupplement when state is DossierState.Received or DossierState.SupplementAtIntake =>
                Officer(dossier, command, Roles.Receiver, [DossierState.Received], d => Move(d, command, DossierState.SupplementAtIntake), missing: true),
            DossierAction.RequestSupplement => Officer(dossier, command, Roles.Processor, [DossierState.Processing, DossierState.AwaitingOpinion],
                d => SupplementDuringProcessing(d, command), missing: true),
            DossierAction.CompleteSupplement => Applicant(dossier, command, [DossierState.SupplementAtIntake, DossierState.SupplementRequested], d => CompleteSupplement(d, command)),
            DossierAction.PayFee => Applicant(dossier, command, [DossierState.AwaitingPayment], d => Resume(d, command, PauseReason.Fees), reference: true),
            DossierAction.Transfer => Officer(dossier, command, [Roles.Receiver, Roles.Processor], [DossierState.Processing],
                d => Move(d with { Holder = command.To }, command, DossierState.Processing), to: true),
            DossierAction.RequestOpinion => Officer(dossier, command, Roles.Processor, [DossierState.Processing], d => RequestOpinion(d, command), reason: true),
            DossierAction.GiveOpinion => GiveOpinion(dossier, command),
            DossierAction.SubmitForApproval or DossierAction.Approve or DossierAction.Sign or DossierAction.Issue =>
                Step(dossier, command, [DossierState.Processing], StepDone),
            DossierAction.SendBack => SendBack(dossier, command),
            DossierAction.Apologize => Officer(dossier, command, Roles.Processor, Accepted, d => Apologize(d, command), reason: true),
            DossierAction.Withdraw => Applicant(dossier, command, [DossierState.Received, DossierState.SupplementAtIntake, .. Accepted],
                d => Move(d, command, DossierState.Withdrawn, ended: true)),
            DossierAction.Stop => Officer(dossier, command, [Roles.Processor, Roles.Approver], Accepted, d => Move(d, command, DossierState.Stopped, ended: true), reason: true),
            _ => throw new ValidationFailedException([new FieldError("action", "Not an action on dossiers.")]),
        };
    }

    /// <summary>What a deadline check does: asks once for an apology per appointment date, flags overdue once per date (the intake's too); null when nothing is new.</summary>
    public Decision? Signal(Dossier dossier, DeadlineSignal signal)
    {
        var current = dossier.State == DossierState.Received
            ? _deadlines.IntakeDue(dossier)
            : dossier.State.IsInProcessing() ? _deadlines.Current(dossier, signal.At) : null;
        if (current is not { } due || due != signal.Due || (dossier.State == DossierState.Received && signal.Kind != DeadlineSignalKind.Overdue))
        {
            return null;
        }
        return signal.Kind switch
        {
            DeadlineSignalKind.ApologyDue when dossier.ApologyAskedFor != due =>
                Record(dossier with { ApologyAskedFor = due }, signal, HistoryEvents.ApologyRequested),
            DeadlineSignalKind.Overdue when dossier.OverdueFor != due && signal.At > due =>
                Record(dossier with { OverdueFor = due }, signal, HistoryEvents.Overdue),
            _ => null,
        };
    }

    private static readonly DossierState[] Accepted =
        [DossierState.AwaitingPayment, DossierState.Processing, DossierState.SupplementRequested, DossierState.AwaitingOpinion];

    private Decision Accept(Dossier dossier, DossierCommand command)
    {
        var start = calendar.NextWorkingMoment(command.At);
        var fees = procedure.TotalFees > 0;
        var accepted = dossier with
        {
            AcceptedAt = command.At,
            ClockStart = start,
            StepIndex = 1,
            Pauses = fees ? [new Pause(PauseReason.Fees, start, null)] : [],
        };
        var decision = Move(accepted, command, fees ? DossierState.AwaitingPayment : DossierState.Processing);
        return decision with { Entry = decision.Entry with { From = dossier.State, Timing = Deadlines.TimingOf(command.At, _deadlines.IntakeDue(dossier)) } };
    }

    private Decision StepDone(Dossier dossier, DossierCommand command)
    {
        var last = dossier.StepIndex == procedure.Definition.Steps.Count - 1;
        if (command.Action == DossierAction.Sign && (command.Document ?? dossier.Draft) is null)
        {
            throw new ConflictException("Chưa có dự thảo kết quả để ký / There is no draft result to sign: send it as document.");
        }
        var next = dossier with { StepIndex = dossier.StepIndex + 1, Draft = command.Document ?? dossier.Draft };
        var decision = Move(next, command, last ? DossierState.Resolved : DossierState.Processing, ended: last);
        return decision with { SignDraft = command.Action == DossierAction.Sign, Entry = decision.Entry with { Timing = StepTiming(dossier, command) } };
    }

    private Decision SupplementDuringProcessing(Dossier dossier, DossierCommand command)
    {
        if (dossier.SupplementsDuringProcessing >= 1 && string.IsNullOrWhiteSpace(command.Reason))
        {
            throw new ValidationFailedException([new FieldError("reason", "A second supplement request needs a reason: it counts against the on-time figure.")]);
        }
        var paused = dossier with
        {
            SupplementsDuringProcessing = dossier.SupplementsDuringProcessing + 1,
            Pauses = [.. dossier.Pauses, new Pause(PauseReason.Supplement, command.At, null)],
            OpinionFrom = null,
        };
        return Move(paused, command, DossierState.SupplementRequested);
    }

    private Decision CompleteSupplement(Dossier dossier, DossierCommand command)
    {
        var added = dossier with { Components = [.. dossier.Components, .. command.Components ?? []] };
        return dossier.State == DossierState.SupplementAtIntake
            // The intake's 8 working hours start again from the completed dossier.
            ? Move(added with { CountsFrom = calendar.NextWorkingMoment(command.At) }, command, DossierState.Received)
            : Resume(added, command, PauseReason.Supplement);
    }

    private Decision Resume(Dossier dossier, DossierCommand command, PauseReason reason)
    {
        var pauses = dossier.Pauses.Select(p => p.To is null && p.Reason == reason ? p with { To = Later(command.At, p.From) } : p).ToList();
        return Move(dossier with { Pauses = pauses }, command, DossierState.Processing);
    }

    private Decision RequestOpinion(Dossier dossier, DossierCommand command)
    {
        if (command.To is not { } other || !AgencyCode.IsValid(other) || other.Equals(dossier.Agency, StringComparison.OrdinalIgnoreCase))
        {
            throw new ValidationFailedException([new FieldError("to", "The code of the other agency whose opinion is asked.")]);
        }
        return Move(dossier with { OpinionFrom = other }, command, DossierState.AwaitingOpinion);
    }

    private Decision GiveOpinion(Dossier dossier, DossierCommand command)
    {
        if (dossier.State == DossierState.AwaitingOpinion && dossier.OpinionFrom is { } asked)
        {
            RequireOfficer(command.Actor, [Roles.Processor, Roles.Approver], asked);
        }
        return Officer(dossier, command, [Roles.Processor, Roles.Approver], [DossierState.AwaitingOpinion],
            d => Move(d with { OpinionFrom = null }, command, DossierState.Processing), reason: true, agency: dossier.OpinionFrom);
    }

    private Decision SendBack(Dossier dossier, DossierCommand command)
    {
        var submit = IndexOfStep(DossierAction.SubmitForApproval);
        var role = dossier.State == DossierState.Processing && dossier.StepIndex < procedure.Definition.Steps.Count
            ? procedure.Step(dossier.StepIndex).Role
            : Roles.Approver;
        return Officer(dossier, command, role, [DossierState.Processing], d =>
        {
            if (submit < 0 || d.StepIndex <= submit)
            {
                throw InState(d.State, $"Hồ sơ chưa được trình duyệt: không có gì để trả lại / The dossier has not been submitted for approval ({StepName(d)} comes next): there is nothing to send back.");
            }
            return Move(d with { StepIndex = submit }, command, DossierState.Processing);
        }, reason: true);
    }

    private Decision Apologize(Dossier dossier, DossierCommand command)
    {
        var current = _deadlines.Current(dossier, command.At);
        if (command.NewDate is not { } newDate || newDate <= command.At || (current is { } due && newDate <= due))
        {
            throw new ValidationFailedException([new FieldError("newDate", $"The new appointment date, after now and after the current one ({(current is { } d ? VietnamTime.Format(d) : "none")}).")]);
        }
        return Move(dossier with { Apologies = [.. dossier.Apologies, new Apology(command.At, command.Actor.Name, command.Reason!, newDate)] }, command, dossier.State);
    }

    /// <summary>A step of the procedure: the one due next, by the role the procedure gives it.</summary>
    private Decision Step(Dossier dossier, DossierCommand command, DossierState[] states, Func<Dossier, DossierCommand, Decision> apply)
    {
        var index = command.Action == DossierAction.Accept ? 0 : IndexOfStep(command.Action);
        if (index < 0)
        {
            throw new ConflictException($"Thủ tục {procedure.Code} không có bước {Name(command.Action)} / Procedure {procedure.Code} has no step {Name(command.Action)}.");
        }
        RequireOfficer(command.Actor, [procedure.Step(index).Role], dossier.Agency);
        RequireState(dossier, command, states);
        if (dossier.StepIndex != index && command.Action != DossierAction.Accept)
        {
            throw InState(dossier.State, $"Hồ sơ đang ở bước {StepName(dossier)}, chưa đến bước {Name(command.Action)} / The dossier is {Name(dossier.State)} at step {StepName(dossier)}: {Name(command.Action)} is not the next step.");
        }
        return apply(dossier, command);
    }

    private static Decision Officer(Dossier dossier, DossierCommand command, string role, DossierState[] states, Func<Dossier, Decision> apply,
        bool reason = false, bool missing = false, bool to = false) =>
        Officer(dossier, command, [role], states, apply, reason, missing, to);

    private static Decision Officer(Dossier dossier, DossierCommand command, string[] roles, DossierState[] states, Func<Dossier, Decision> apply,
        bool reason = false, bool missing = false, bool to = false, string? agency = null)
    {
        RequireOfficer(command.Actor, roles, agency ?? dossier.Agency);
        RequireState(dossier, command, states);
        RequireFields(command, reason, missing, to, reference: false);
        return apply(dossier);
    }

    private static Decision Applicant(Dossier dossier, DossierCommand command, DossierState[] states, Func<Dossier, Decision> apply, bool reference = false)
    {
        if (!command.Actor.Roles.Contains(Roles.Applicant) || command.Actor.Subject != dossier.ApplicantSubject)
        {
            throw new ForbiddenException("Chỉ người nộp hồ sơ được làm việc này / Only the dossier's applicant may do this.");
        }
        RequireState(dossier, command, states);
        RequireFields(command, reason: false, missing: false, to: false, reference);
        return apply(dossier);
    }

    private static void RequireOfficer(ActorRef actor, string[] roles, string agency)
    {
        if (!roles.Any(actor.Roles.Contains))
        {
            throw new ForbiddenException($"Việc này cần vai trò {string.Join(" / ", roles)} / This needs the role {string.Join(" or ", roles)}.");
        }
        if (actor.Agency is not { } own || !own.Equals(agency, StringComparison.OrdinalIgnoreCase))
        {
            throw new ForbiddenException($"Hồ sơ thuộc cơ quan {agency} / The dossier is for agency {agency}: an officer acts only for their own agency.");
        }
    }

    private static void RequireState(Dossier dossier, DossierCommand command, DossierState[] states)
    {
        if (!states.Contains(dossier.State))
        {
            throw InState(dossier.State,
                $"Hồ sơ đang ở trạng thái {dossier.State.Vietnamese()}: không thể {Name(command.Action)} / The dossier is {Name(dossier.State)}: {Name(command.Action)} is not allowed in that state.");
        }
    }

    private static void RequireFields(DossierCommand command, bool reason, bool missing, bool to, bool reference)
    {
        var errors = new List<FieldError>();
        if (reason && string.IsNullOrWhiteSpace(command.Reason))
        {
            errors.Add(new("reason", $"{Name(command.Action)} needs the reasons, in writing."));
        }
        if (missing && (command.Missing is null || command.Missing.Count == 0))
        {
            errors.Add(new("missing", "List what is missing or must be completed."));
        }
        if (to && string.IsNullOrWhiteSpace(command.To))
        {
            errors.Add(new("to", "To whom (a unit or an officer)."));
        }
        if (reference && string.IsNullOrWhiteSpace(command.Reference))
        {
            errors.Add(new("reference", "The payment's reference."));
        }
        ValidationFailedException.ThrowIfAny(errors);
    }

    private Decision Move(Dossier dossier, DossierCommand command, DossierState to, bool ended = false)
    {
        var next = dossier with { State = to, Sequence = dossier.Sequence + 1, EndedAt = ended ? command.At : dossier.EndedAt };
        var entry = new HistoryEntry(next.Sequence, command.At, Name(command.Action), dossier.State, to, command.Actor.Subject, command.Actor.Name,
            RoleUsed(command), Reason: command.Reason, Target: command.To, Missing: command.Missing, NewDate: command.NewDate, ActionId: command.ActionId);
        return new Decision(next, entry with { Timing = entry.Timing ?? DossierTiming(dossier, command.At) });
    }

    private static Decision Record(Dossier dossier, DeadlineSignal signal, string name)
    {
        var next = dossier with { Sequence = dossier.Sequence + 1 };
        return new Decision(next, new HistoryEntry(next.Sequence, signal.At, name, dossier.State, dossier.State, null, null, null,
            Timing: name == HistoryEvents.Overdue ? Timing.Late : null, NewDate: signal.Due));
    }

    /// <summary>A step with its own working hours is measured from when it became due; the others against the dossier's date.</summary>
    private Timing? StepTiming(Dossier dossier, DossierCommand command)
    {
        var step = procedure.Step(dossier.StepIndex);
        return step.WorkingHours is { } hours && dossier.ClockStart is { } start
            ? Deadlines.TimingOf(command.At, calendar.AddWorkingTime(start, TimeSpan.FromHours(hours)))
            : DossierTiming(dossier, command.At);
    }

    private Timing? DossierTiming(Dossier dossier, DateTimeOffset at) => dossier.State switch
    {
        DossierState.Received or DossierState.SupplementAtIntake => Deadlines.TimingOf(at, _deadlines.IntakeDue(dossier)),
        _ when _deadlines.Current(dossier, at) is { } due => Deadlines.TimingOf(at, due),
        _ => null,
    };

    private static string? RoleUsed(DossierCommand command) => command.Actor.Roles.FirstOrDefault(role => role != Roles.AgencyAdmin);

    private int IndexOfStep(DossierAction action)
    {
        for (var i = 0; i < procedure.Definition.Steps.Count; i++)
        {
            if (procedure.Step(i).Action == action)
            {
                return i;
            }
        }
        return -1;
    }

    private string StepName(Dossier dossier) =>
        dossier.StepIndex < procedure.Definition.Steps.Count ? Name(procedure.Step(dossier.StepIndex).Action) : "none";

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>409 for an action the dossier's state does not allow, naming the state in the problem's <c>state</c> member.</summary>
    public static ConflictException InState(DossierState state, string detail)
    {
        var conflict = new ConflictException(detail);
        conflict.Extensions["state"] = Name(state);
        return conflict;
    }

    public static string Name(DossierAction action) => EnumColumn.Of(action);

    public static string Name(DossierState state) => EnumColumn.Of(state);
}
