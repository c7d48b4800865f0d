using Etransactions.Functions.Core;
using Etransactions.Functions.Platforms.Determinations;
using Etransactions.Functions.Platforms.Domain;
using Etransactions.Functions.Platforms.Registry;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Etransactions.Functions.Platforms.SelfDetermination;

/// <summary>What starting a year's cycle did, platform by platform.</summary>
public sealed record YearlyCycleCounts(int Cycle, int Started, int AlreadyStarted, int NotYetTwelveMonths, int Failed);

/// <summary>
/// Starts the self-determination of the current year (Vietnam time) for every registered platform that will have
/// operated 12 months by the deadline (Decree 137, Art. 18.2.a). A cycle already started is left alone, so a rerun
/// starts only what is missing; a platform that cannot be started is counted and logged, and the others still start.
/// </summary>
public sealed partial class YearlyCycle(PlatformStore platforms, DeterminationStore determinations, ILogger<YearlyCycle> logger)
{
    /// <returns>Nothing before the first cycle (2025).</returns>
    public async Task<YearlyCycleCounts?> StartAsync(DurableTaskClient client, DateTimeOffset now, CancellationToken cancellation)
    {
        var cycle = VietnamTime.DateOf(now).Year;
        if (cycle < Cycles.FirstCycle)
        {
            return null;
        }
        var (started, alreadyStarted, notYetTwelveMonths, failed) = (0, 0, 0, 0);
        foreach (var platform in await platforms.ListAsync(cancellation))
        {
            if (!Cycles.OperatesTwelveMonthsBy(platform.OperatingSince, cycle))
            {
                notYetTwelveMonths++;
                continue;
            }
            try
            {
                var record = await determinations.GetAsync(platform.Id, cycle, cancellation);
                var outcome = await SelfDeterminationStarter.EnsureAsync(client, new StartRequest(platform.Id, cycle, StartedBy.Timer, now), record, cancellation);
                if (outcome == EnsureOutcome.Started)
                {
                    started++;
                }
                else
                {
                    alreadyStarted++;
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                failed++;
                LogFailed(error, platform.Id, cycle);
            }
        }
        return new YearlyCycleCounts(cycle, started, alreadyStarted, notYetTwelveMonths, failed);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Self-determination of {PlatformId} for cycle {Cycle} could not be started")]
    private partial void LogFailed(Exception error, string platformId, int cycle);
}
