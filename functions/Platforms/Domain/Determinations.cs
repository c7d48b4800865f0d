namespace Etransactions.Functions.Platforms.Domain;

/// <summary>
/// The rules that move a self-determination between its states (Art. 18.2): a platform below the thresholds
/// has determined its scale; a large or particularly large one reports to the Ministry, which accepts the
/// report or returns it for correction.
/// </summary>
public static class Determinations
{
    public static DeterminationStatus StatusAfterSubmission(Scale scale) =>
        scale == Scale.None ? DeterminationStatus.Determined : DeterminationStatus.Reported;

    public static DeterminationStatus StatusAfterReview(ReviewDecision decision) =>
        decision == ReviewDecision.Accept ? DeterminationStatus.Determined : DeterminationStatus.Returned;

    /// <summary>States in which the platform still owes statistics, so reminders and the deadline apply.</summary>
    public static bool AwaitsStatistics(DeterminationStatus status) =>
        status is DeterminationStatus.AwaitingStatistics or DeterminationStatus.Returned;

    /// <summary>The orchestration instance of a platform's cycle: <c>selfdet-{platformId}-{cycle}</c>.</summary>
    public static string SelfDeterminationInstanceId(string platformId, int cycle) => $"selfdet-{platformId}-{cycle}";
}
