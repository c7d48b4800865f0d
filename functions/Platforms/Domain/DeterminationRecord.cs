namespace Etransactions.Functions.Platforms.Domain;

/// <summary>One platform's self-determination for one cycle, as stored.</summary>
public sealed record DeterminationRecord
{
    public required string PlatformId { get; init; }

    public required int Cycle { get; init; }

    /// <summary><c>selfdet-{platformId}-{cycle}</c>, see <see cref="Determinations.SelfDeterminationInstanceId"/>.</summary>
    public required string InstanceId { get; init; }

    public required DeterminationStatus Status { get; init; }

    /// <summary>The instant submissions must arrive before.</summary>
    public required DateTimeOffset Deadline { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required StartedBy StartedBy { get; init; }

    /// <summary>The orchestration run that opened the record.</summary>
    public required string RunId { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Highest submission version taken into account.</summary>
    public int ProcessedVersion { get; init; }

    public int? SubmissionVersion { get; init; }

    public bool? Late { get; init; }

    public Classification? Classification { get; init; }

    /// <summary>The version waiting for review, while reported.</summary>
    public int? ReportedVersion { get; init; }

    public int? AcceptedVersion { get; init; }

    public ReviewRecord? LastReview { get; init; }

    /// <summary>The last deadline reminder sent (days before the deadline: 14, then 3), so the deadline timer raises each once.</summary>
    public int? ReminderSentDaysBefore { get; init; }
}
