using System.ComponentModel.DataAnnotations;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Dossiers.Workflow;

namespace Etransactions.Functions.Dossiers.Procedures;

/// <summary>
/// The body of <c>PUT /api/procedures/{code}</c>: one version of an administrative procedure as the national
/// catalogue describes it, in force from <see cref="EffectiveFrom"/>. The rules between fields are in
/// <see cref="ProcedureRules"/>.
/// </summary>
public sealed record ProcedureBody(
    ProcedureName Name,
    [property: Text(64)] string Agency,
    TimeLimit TimeLimit,
    IReadOnlyList<ProcedureComponent> Components,
    IReadOnlyList<ProcedureStep> Steps,
    OnlineLevel Online,
    DateOnly EffectiveFrom,
    IReadOnlyList<ProcedureFee>? Fees = null,
    bool Active = true)
{
    public IReadOnlyList<ProcedureFee> FeeList => Fees ?? [];
}

public sealed record ProcedureName([property: Text(500)] string Vi, [property: Text(500)] string En);

/// <summary>The procedure's time limit as the catalogue gives it (its <c>DonViTinh</c>).</summary>
public sealed record TimeLimit([property: Range(1, 1000, ErrorMessage = "A whole number from 1 to 1000.")] int Value, TimeLimitUnit Unit);

public enum TimeLimitUnit
{
    WorkingHours,
    WorkingDays,
    CalendarDays,
    Months,
}

/// <summary>Decree 42 Art. 11: a service wholly online (result returned online too) or partially online.</summary>
public enum OnlineLevel
{
    Wholly,
    Partially,
}

/// <summary>A document a dossier must (or may) have, by a stable id the submission names.</summary>
public sealed record ProcedureComponent([property: Text(40)] string Id, [property: Text(500)] string Name, bool Required);

/// <summary>One step of processing, the role that performs it and, optionally, its own time in working hours.</summary>
public sealed record ProcedureStep(
    DossierAction Action,
    [property: Text(40)] string Role,
    [property: Range(1, 1000, ErrorMessage = "A whole number of working hours from 1 to 1000.")] int? WorkingHours = null);

/// <summary>A fee or charge in đồng.</summary>
public sealed record ProcedureFee([property: Text(500)] string Name, [property: Range(0, 1_000_000_000_000, ErrorMessage = "Đồng, 0 or more.")] long Amount);
