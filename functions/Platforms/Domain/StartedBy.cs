namespace Etransactions.Functions.Platforms.Domain;

/// <summary>What started a cycle's self-determination: the yearly timer, the first statistics, or an operator.</summary>
public enum StartedBy
{
    Timer,
    Statistics,
    Manual,
}
