namespace Etransactions.Functions.Platforms.Domain;

/// <summary>Where one platform's self-determination for one cycle stands (Art. 18.2).</summary>
public enum DeterminationStatus
{
    /// <summary>Started, nothing received.</summary>
    AwaitingStatistics,

    /// <summary>The deadline passed with nothing received.</summary>
    Overdue,

    /// <summary>Large or particularly large, waiting for the Ministry's review.</summary>
    Reported,

    /// <summary>Sent back to the platform to correct and send again.</summary>
    Returned,

    /// <summary>Scale none, or accepted by the regulator.</summary>
    Determined,
}
