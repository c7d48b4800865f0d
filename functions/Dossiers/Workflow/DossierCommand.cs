namespace Etransactions.Functions.Dossiers.Workflow;

/// <summary>
/// One action on a dossier as the workflow receives it: who, when (the app's clock at the request), what, and
/// the action's own fields, files already stored. <see cref="ActionId"/> makes a replay the same action.
/// </summary>
public sealed record DossierCommand(
    string ActionId,
    DossierAction Action,
    DateTimeOffset At,
    ActorRef Actor,
    string? Reason = null,
    string? To = null,
    IReadOnlyList<string>? Missing = null,
    DateTimeOffset? NewDate = null,
    IssuedDocument? Document = null,
    IReadOnlyList<StoredComponent>? Components = null,
    string? Reference = null);

/// <summary>Who acted, as the history keeps it.</summary>
public sealed record ActorRef(string Subject, string Name, IReadOnlyList<string> Roles, string? Agency);

/// <summary>A check the workflow makes on its own: the appointment date is one working day away, or has passed.</summary>
public sealed record DeadlineSignal(DeadlineSignalKind Kind, DateTimeOffset Due, DateTimeOffset At);

public enum DeadlineSignalKind
{
    ApologyDue,
    Overdue,
}
