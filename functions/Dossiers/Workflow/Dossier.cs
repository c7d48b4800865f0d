namespace Etransactions.Functions.Dossiers.Workflow;

/// <summary>
/// A dossier as it stands: the facts of its receipt, where it is, and the ledger of its time (the clock's start,
/// its pauses, the apologies with their new dates). Deadlines are not stored: <see cref="Deadlines"/> computes
/// them from this ledger and the calendar in force, so a late change to the calendar moves open deadlines.
/// </summary>
public sealed record Dossier
{
    public required string Code { get; init; }
    public required string Agency { get; init; }
    public required string ProcedureCode { get; init; }
    public required int ProcedureVersion { get; init; }
    public required Channel Channel { get; init; }

    /// <summary>The token subject of who submitted it: only they read it as its applicant.</summary>
    public required string ApplicantSubject { get; init; }
    public required ApplicantDetails Applicant { get; init; }

    /// <summary>The e-form's data as the applicant sent it (JSON text).</summary>
    public required string Form { get; init; }
    public required IReadOnlyList<StoredComponent> Components { get; init; }

    /// <summary>When the system received it: the official receipt time of the acknowledgement.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The working moment the intake's 8 working hours count from (the next working morning when received after hours).</summary>
    public required DateTimeOffset CountsFrom { get; init; }

    public required DossierState State { get; init; }

    /// <summary>The index, in the procedure's steps, of the step to perform next.</summary>
    public int StepIndex { get; init; }

    public DateTimeOffset? AcceptedAt { get; init; }

    /// <summary>The working moment the procedure's time limit counts from.</summary>
    public DateTimeOffset? ClockStart { get; init; }

    public IReadOnlyList<Pause> Pauses { get; init; } = [];
    public IReadOnlyList<Apology> Apologies { get; init; } = [];

    /// <summary>Supplement requests made during processing: the second and later count against the on-time figure.</summary>
    public int SupplementsDuringProcessing { get; init; }

    /// <summary>The unit or officer holding the dossier, after a transfer.</summary>
    public string? Holder { get; init; }

    /// <summary>The agency whose coordination opinion is awaited.</summary>
    public string? OpinionFrom { get; init; }

    /// <summary>The result document being prepared, from submitForApproval or sign.</summary>
    public IssuedDocument? Draft { get; init; }

    /// <summary>The result signed with the agency's key, waiting to be issued.</summary>
    public IssuedDocument? Prepared { get; init; }

    /// <summary>Documents issued to the applicant: the result, returned online.</summary>
    public IReadOnlyList<IssuedDocument> Documents { get; init; } = [];

    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>The appointment date for which the processing officer was asked to apologise, and when it was found overdue.</summary>
    public DateTimeOffset? ApologyAskedFor { get; init; }
    public DateTimeOffset? OverdueFor { get; init; }

    /// <summary>The number of history entries: the sequence of the last one.</summary>
    public int Sequence { get; init; }
}

public enum Channel
{
    Online,
    InPerson,
    Post,
}

public sealed record ApplicantDetails(string Name, string IdNumber, string Email, string Phone);

/// <summary>A component file as stored: its blob path is named by its SHA-256, so a retry stores nothing twice.</summary>
public sealed record StoredComponent(string Id, string FileName, string ContentType, long Bytes, string Sha256, string Path, DateTimeOffset AddedAt);

/// <summary>A stretch of time the clock stood still: a supplement asked during processing, or fees awaited.</summary>
public sealed record Pause(PauseReason Reason, DateTimeOffset From, DateTimeOffset? To);

public enum PauseReason
{
    Supplement,
    Fees,
}

/// <summary>Mẫu 04: the apology and the new appointment date. The original date stays in the ledger for honest figures.</summary>
public sealed record Apology(DateTimeOffset At, string By, string Reason, DateTimeOffset NewDate);

/// <param name="DataMessage">The lookup code the result got as a data message of the agency, once issued (its paper copy, its verification page).</param>
public sealed record IssuedDocument(string Name, string Path, string Sha256, bool SignedByAgency, DateTimeOffset At, string? DataMessage = null);
