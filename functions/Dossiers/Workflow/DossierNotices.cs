using System.Text.Json.Nodes;
using Etransactions.Functions.Core;
using Etransactions.Functions.Notifications;

namespace Etransactions.Functions.Dossiers.Workflow;

/// <summary>
/// The notices of a dossier's changes on the <c>notifications</c> topic: each history entry once (its id is the
/// dossier's code and the entry's sequence), to the applicant, or to the agency for the workflow's own reminders.
/// The applicant's contact is in the notice so that the channel can reach them; nothing else about them.
/// </summary>
public sealed class DossierNotices(Notifier notifier)
{
    public async Task SendAsync(Dossier dossier, HistoryEntry entry, DossierMachine machine, CancellationToken cancellation)
    {
        var forAgency = entry.Event is HistoryEvents.ApologyRequested or HistoryEvents.Overdue;
        var appointment = machine.Deadlines.Current(dossier, entry.At);
        var data = new JsonObject
        {
            ["code"] = dossier.Code,
            ["agency"] = dossier.Agency,
            ["procedure"] = dossier.ProcedureCode,
            ["event"] = entry.Event,
            ["state"] = DossierMachine.Name(dossier.State),
            ["sequence"] = entry.Sequence,
            ["appointmentAt"] = appointment is { } due ? IsoTime.Format(due) : null,
            ["reason"] = entry.Reason,
        };
        if (!forAgency)
        {
            data["applicant"] = new JsonObject { ["subject"] = dossier.ApplicantSubject, ["email"] = dossier.Applicant.Email, ["phone"] = dossier.Applicant.Phone };
        }
        var when = appointment is { } date ? VietnamTime.Display(date) : "";
        var notification = new Notification(
            $"dossier-{dossier.Code}-{entry.Sequence:D4}",
            $"dossier.{entry.Event}",
            entry.At,
            [forAgency ? NotificationRecipients.Agency : NotificationRecipients.Applicant],
            null,
            new LocalizedText($"Hồ sơ {dossier.Code}: {dossier.State.Vietnamese()}", $"Dossier {dossier.Code}: {DossierMachine.Name(dossier.State)}"),
            Text(entry, dossier, when),
            data);
        await notifier.NotifyAsync(notification, cancellation);
    }

    private static string Due(HistoryEntry entry) => entry.NewDate is { } due ? VietnamTime.Display(due) : "";

    private static LocalizedText Text(HistoryEntry entry, Dossier dossier, string when) => entry.Event switch
    {
        HistoryEvents.Submitted => new($"Hệ thống đã nhận hồ sơ {dossier.Code} lúc {VietnamTime.Display(dossier.ReceivedAt)}.",
            $"Dossier {dossier.Code} was received at {VietnamTime.Display(dossier.ReceivedAt)}."),
        HistoryEvents.ApologyRequested => new($"Hồ sơ {dossier.Code} sắp quá hạn ({when}): cần văn bản xin lỗi và hẹn lại ngày trả kết quả.",
            $"Dossier {dossier.Code} is due {when}: issue an apology with a new date."),
        HistoryEvents.Overdue when entry.From == DossierState.Received => new(
            $"Hồ sơ {dossier.Code} quá 8 giờ làm việc chưa được tiếp nhận (hạn {Due(entry)}).",
            $"Dossier {dossier.Code} has waited over 8 working hours for intake (due {Due(entry)})."),
        HistoryEvents.Overdue => new($"Hồ sơ {dossier.Code} đã quá hạn ({Due(entry)}).", $"Dossier {dossier.Code} is overdue (due {Due(entry)})."),
        _ => new($"Hồ sơ {dossier.Code}: {entry.Event}; trạng thái {dossier.State.Vietnamese()}.{(when.Length > 0 ? $" Ngày hẹn trả: {when}." : "")}{(entry.Reason is { } r ? $" Lý do: {r}" : "")}",
            $"Dossier {dossier.Code}: {entry.Event}; now {DossierMachine.Name(dossier.State)}.{(when.Length > 0 ? $" Appointment: {when}." : "")}{(entry.Reason is { } reason ? $" Reason: {reason}" : "")}"),
    };
}
