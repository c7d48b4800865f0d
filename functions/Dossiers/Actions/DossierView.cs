using Etransactions.Functions.Core;
using Etransactions.Functions.Core.Storage;
using Etransactions.Functions.Dossiers.Procedures;
using Etransactions.Functions.Dossiers.Workflow;

namespace Etransactions.Functions.Dossiers.Actions;

/// <summary>
/// A dossier's status by code (Decree 137 Art. 7.1.c): its state, the appointment date (the original and the
/// current one), the working time used and left, the next step, the history of steps (who, when, early / on time /
/// late, Mẫu 05) and the documents issued.
/// </summary>
public static class DossierView
{
    public static object Of(Dossier dossier, IReadOnlyList<HistoryEntry> history, Procedure procedure, DossierMachine machine, DateTimeOffset now, string apiRoot)
    {
        var deadlines = machine.Deadlines;
        var current = deadlines.Current(dossier, now);
        var left = deadlines.Left(dossier, now);
        var documentsRoot = $"{apiRoot}/dossiers/{Uri.EscapeDataString(dossier.Code)}/documents";
        return new
        {
            dossier.Code,
            dossier.Agency,
            Procedure = new { procedure.Code, procedure.Version, procedure.Definition.Name, procedure.Definition.TimeLimit },
            State = DossierMachine.Name(dossier.State),
            StateVi = dossier.State.Vietnamese(),
            Channel = EnumColumn.Of(dossier.Channel),
            dossier.ReceivedAt,
            dossier.CountsFrom,
            IntakeDue = dossier.AcceptedAt is null && !dossier.State.IsFinal() ? deadlines.IntakeDue(dossier) : (DateTimeOffset?)null,
            dossier.AcceptedAt,
            Appointment = new
            {
                Original = deadlines.Original(dossier, now),
                Current = current,
                CurrentVietnam = current is { } due ? VietnamTime.Format(due) : null,
                Apologies = dossier.Apologies.Select(a => new { a.At, a.By, a.Reason, a.NewDate }),
            },
            Time = new
            {
                UsedWorkingMinutes = (long)deadlines.Used(dossier, now).TotalMinutes,
                LeftWorkingMinutes = left is { } l ? (long)l.TotalMinutes : (long?)null,
                Overdue = left is { } late && late < TimeSpan.Zero,
                Paused = dossier.State.IsPaused(),
            },
            NextStep = dossier.State == DossierState.Processing && dossier.StepIndex < procedure.Definition.Steps.Count
                ? new { Action = DossierMachine.Name(procedure.Step(dossier.StepIndex).Action), procedure.Step(dossier.StepIndex).Role }
                : null,
            dossier.Holder,
            dossier.OpinionFrom,
            Applicant = new { dossier.Applicant.Name, dossier.Applicant.Email, dossier.Applicant.Phone },
            Components = dossier.Components.Select(c => new { c.Id, c.FileName, c.ContentType, c.Bytes, c.Sha256, c.AddedAt }),
            Documents = dossier.Documents.Select(d => new
            {
                d.Name,
                d.Sha256,
                Signed = d.SignedByAgency,
                IssuedAt = d.At,
                Href = $"{documentsRoot}/{d.Name}",
                d.DataMessage,
                PaperCopies = d.DataMessage is { } code ? $"{apiRoot}/data-messages/{code}/paper-copies" : null,
            }),
            History = history.Select(entry => new
            {
                entry.Sequence,
                entry.At,
                entry.Event,
                From = DossierMachine.Name(entry.From),
                To = DossierMachine.Name(entry.To),
                By = entry.ActorName is null ? null : new { Name = entry.ActorName, entry.Role },
                Timing = entry.Timing is { } timing ? EnumColumn.Of(timing) : null,
                entry.Reason,
                entry.Target,
                entry.Missing,
                entry.NewDate,
            }),
            dossier.EndedAt,
            Outcome = deadlines.Outcome(dossier) is { } outcome ? EnumColumn.Of(outcome) : null,
        };
    }
}
