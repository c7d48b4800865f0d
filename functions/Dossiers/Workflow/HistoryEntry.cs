namespace Etransactions.Functions.Dossiers.Workflow;

/// <summary>
/// One step of a dossier's history (Mẫu 05, the control slip): what happened, who did it and when, the state
/// before and after, and whether it came early, on time or late against the deadline that applied to it.
/// </summary>
public sealed record HistoryEntry(
    int Sequence,
    DateTimeOffset At,
    string Event,
    DossierState From,
    DossierState To,
    string? ActorSubject,
    string? ActorName,
    string? Role,
    Timing? Timing = null,
    string? Reason = null,
    string? Target = null,
    IReadOnlyList<string>? Missing = null,
    DateTimeOffset? NewDate = null,
    string? ActionId = null);

/// <summary>The events of the history that are not actions: the workflow's own.</summary>
public static class HistoryEvents
{
    public const string Submitted = "submitted";
    public const string ApologyRequested = "apologyRequested";
    public const string Overdue = "overdue";
}
