using System.Text.Json;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Dossiers.Procedures;
using Etransactions.Functions.Dossiers.Workflow;
using Etransactions.Functions.Identity;
using static Etransactions.UnitTests.Dossiers.Calendar.CalendarSample;

namespace Etransactions.UnitTests.Dossiers;

/// <summary>
/// The sample procedure (local/Samples/procedure-judicial-record.json: 10 working days, a 200,000 đồng fee, the steps
/// accept, submitForApproval, approve, sign, issue), its people and dossiers built as records, on the 2026 calendar.
/// </summary>
internal static class DossierSamples
{
    public const string Agency = "000.00.00.H26";
    public const string OtherAgency = "000.00.00.H29";
    public const string ProcedureCode = "2.000488";

    public static ProcedureBody Body { get; } = JsonSerializer.Deserialize<ProcedureBody>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "procedure-judicial-record.json")), AppJson.Options)!;

    /// <summary>The sample as version 1: with its fee.</summary>
    public static Procedure JudicialRecord { get; } = new(ProcedureCode, 1, Body, Vietnam(1, 1, 0), "test");

    /// <summary>The sample without its fee: accepted dossiers go straight to processing.</summary>
    public static Procedure Free { get; } = new(ProcedureCode, 1, Body with { Fees = [] }, Vietnam(1, 1, 0), "test");

    public static Procedure WithLimit(int value, TimeLimitUnit unit) =>
        new(ProcedureCode, 1, Body with { TimeLimit = new TimeLimit(value, unit), Fees = [] }, Vietnam(1, 1, 0), "test");

    public static DossierMachine Machine(Procedure? procedure = null) => new(procedure ?? JudicialRecord, Time2026);

    public static ActorRef Applicant { get; } = new("citizen-1", "Nguyễn Văn An", [Roles.Applicant], null);

    public static ActorRef OtherApplicant { get; } = new("citizen-2", "Trần Thị Bình", [Roles.Applicant], null);

    public static ActorRef Receiver { get; } = Officer(Roles.Receiver);

    public static ActorRef Processor { get; } = Officer(Roles.Processor);

    public static ActorRef Approver { get; } = Officer(Roles.Approver);

    public static ActorRef Signer { get; } = Officer(Roles.Signer);

    public static ActorRef Officer(string role, string agency = Agency) => new($"{role}@{agency}", $"Cán bộ {role}", [role], agency);

    /// <summary>The actor of a role of the own agency, or the applicant.</summary>
    public static ActorRef Actor(string role) => role == Roles.Applicant ? Applicant : Officer(role);

    public static IssuedDocument Draft(DateTimeOffset at) => new("phieu-ly-lich-tu-phap.pdf", "results/draft.pdf", new string('a', 64), false, at);

    /// <summary>A dossier as submitted at <paramref name="at"/>: its intake counts from the next working moment.</summary>
    public static Dossier Received(DateTimeOffset at, Channel channel = Channel.Online, string code = "000.00.00.H26-260309-0001") => new()
    {
        Code = code,
        Agency = Agency,
        ProcedureCode = ProcedureCode,
        ProcedureVersion = 1,
        Channel = channel,
        ApplicantSubject = Applicant.Subject,
        Applicant = new ApplicantDetails(Applicant.Name, "001090000001", "an@example.vn", "0912345678"),
        Form = "{}",
        Components = [],
        ReceivedAt = at,
        CountsFrom = Time2026.NextWorkingMoment(at),
        State = DossierState.Received,
        Sequence = 1,
    };

    /// <summary>A dossier accepted with its clock started at <paramref name="clockStart"/> and in processing, the next step <paramref name="stepIndex"/>.</summary>
    public static Dossier Processing(DateTimeOffset clockStart, int stepIndex = 1, params Pause[] pauses) => Received(clockStart) with
    {
        State = DossierState.Processing,
        AcceptedAt = clockStart,
        ClockStart = clockStart,
        StepIndex = stepIndex,
        Pauses = pauses,
        Sequence = 2,
    };

    public static DossierCommand Command(DossierAction action, DateTimeOffset at, ActorRef actor, string? reason = null, string? to = null,
        IReadOnlyList<string>? missing = null, DateTimeOffset? newDate = null, IssuedDocument? document = null, string? reference = null,
        IReadOnlyList<StoredComponent>? components = null) =>
        new($"action-{DossierMachine.Name(action)}-{at.ToUnixTimeSeconds()}", action, at, actor, reason, to, missing, newDate, document, components, reference);
}
