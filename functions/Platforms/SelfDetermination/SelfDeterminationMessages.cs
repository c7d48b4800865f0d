using Etransactions.Functions.Platforms.Domain;

namespace Etransactions.Functions.Platforms.SelfDetermination;

// What travels into and out of the selfDetermination orchestration. Every instant comes from the app's clock
// at the trigger that caused it (the engine's clock is not the app's clock on the local host), so replays and
// repeated activities write the same records.

/// <param name="RunId">Names this run of the instance (a determined cycle can be reopened); part of every event id.</param>
/// <param name="At">When the run was started, on the app's clock.</param>
/// <param name="SubmissionVersion">A submission already stored, when a statistics PUT started the instance.</param>
public sealed record SelfDeterminationInput(string PlatformId, int Cycle, StartedBy StartedBy, string RunId, DateTimeOffset At, int? SubmissionVersion = null);

/// <summary>The event <c>statistics</c>: a submission version was stored at <paramref name="At"/>.</summary>
public sealed record StatisticsEvent(int Version, DateTimeOffset At);

/// <summary>The event <c>reminderDue</c>, raised by the deadline timer.</summary>
public sealed record ReminderDueEvent(int DaysBefore, DateTimeOffset At);

/// <summary>The event <c>deadlinePassed</c>, raised by the deadline timer.</summary>
public sealed record DeadlinePassedEvent(DateTimeOffset At);

/// <summary>The custom status of an instance, as the first version showed it; the status in camelCase.</summary>
public sealed record SelfDeterminationStatus(string Status, int Cycle, string Deadline, int ProcessedVersion, int? ReportedVersion);

/// <summary>The orchestration's output when the cycle is determined.</summary>
public sealed record SelfDeterminationResult(string Status, int Cycle, int ProcessedVersion);

/// <summary>Names the event an activity records: its time and an id stable across replays.</summary>
public sealed record ActivityEvent(string PlatformId, int Cycle, DateTimeOffset At, string EventId);

public sealed record OpenInput(ActivityEvent Event, StartedBy StartedBy, string RunId);

/// <param name="ReminderSentDaysBefore">The last reminder sent (14, then 3), when one was.</param>
public sealed record OpenResult(DeterminationStatus Status, int ProcessedVersion, int? ReportedVersion, int? ReminderSentDaysBefore);

public sealed record SubmissionInput(ActivityEvent Event, int Version);

/// <summary>The cycle whose latest stored submission is asked for.</summary>
public sealed record CycleInput(string PlatformId, int Cycle);

public sealed record ReviewInput(ActivityEvent Event, ReviewRecord Review);

/// <param name="DaysBefore">For a reminder; null for the overdue notice.</param>
public sealed record NoticeInput(ActivityEvent Event, int? DaysBefore);

public sealed record StatusResult(DeterminationStatus Status);

/// <summary>Event names and the activities of the orchestration.</summary>
public static class SelfDeterminationNames
{
    public const string Orchestration = "selfDetermination";
    public const string StatisticsEvent = "statistics";
    public const string ReviewEvent = "review";
    public const string ReminderDueEvent = "reminderDue";
    public const string DeadlinePassedEvent = "deadlinePassed";

    public const string Open = "selfDeterminationOpen";
    public const string ApplySubmission = "selfDeterminationApplySubmission";
    public const string ApplyReview = "selfDeterminationApplyReview";
    public const string Notice = "selfDeterminationNotice";
    public const string LatestSubmission = "selfDeterminationLatestSubmission";
}
