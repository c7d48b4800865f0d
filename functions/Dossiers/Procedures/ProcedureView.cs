namespace Etransactions.Functions.Dossiers.Procedures;

/// <summary>A procedure as the API shows it: the newest version's definition and the list of its versions.</summary>
public static class ProcedureView
{
    public static object Of(Procedure procedure, IReadOnlyList<Procedure> versions) => new
    {
        procedure.Code,
        procedure.Version,
        procedure.Definition.Name,
        procedure.Agency,
        procedure.Definition.TimeLimit,
        procedure.Definition.Components,
        procedure.Definition.Steps,
        Fees = procedure.Definition.FeeList,
        procedure.Definition.Online,
        procedure.Definition.EffectiveFrom,
        procedure.Definition.Active,
        procedure.RecordedAt,
        Versions = versions.Select(version => new { version.Version, version.Definition.EffectiveFrom, version.Definition.Active, version.RecordedAt }),
    };
}
