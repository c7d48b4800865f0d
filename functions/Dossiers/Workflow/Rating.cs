namespace Etransactions.Functions.Dossiers.Workflow;

/// <summary>The applicant's satisfaction with a resolved dossier (DanhGiaHaiLong): a score from 1 (very dissatisfied) to 5 (very satisfied).</summary>
public sealed record Rating(string Code, int Score, string? Comment, DateTimeOffset At)
{
    /// <summary>4 and 5 count as satisfied; 1 and 2 as dissatisfied (a complaint, in the satisfaction figure).</summary>
    public bool Satisfied => Score >= 4;

    public bool Dissatisfied => Score <= 2;
}
