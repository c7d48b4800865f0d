namespace Etransactions.Functions.Dossiers.Procedures;

/// <summary>One stored version of a procedure: what was put, when and by whom.</summary>
public sealed record Procedure(string Code, int Version, ProcedureBody Definition, DateTimeOffset RecordedAt, string RecordedBy)
{
    public string Agency => Definition.Agency;

    /// <summary>The step a dossier performs at <paramref name="index"/> of the procedure's steps.</summary>
    public ProcedureStep Step(int index) => Definition.Steps[index];

    public long TotalFees => Definition.FeeList.Sum(fee => fee.Amount);
}
