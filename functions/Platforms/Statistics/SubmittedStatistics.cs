using Etransactions.Functions.Platforms.Domain;
using Etransactions.Functions.Platforms.Registry;

namespace Etransactions.Functions.Platforms.Statistics;

/// <summary>
/// What a statistics PUT did: the submission in force, whether it is the cycle's first and whether anything
/// was stored, with the platform and the cycle's determination as read for it (once per request), so that
/// whatever comes next needs not read them again.
/// </summary>
/// <param name="Changed">False when the same content came again: nothing was stored.</param>
public sealed record SubmittedStatistics(
    StoredSubmission Submission,
    bool First,
    bool Changed,
    PlatformRecord Platform,
    DeterminationRecord? Determination);
