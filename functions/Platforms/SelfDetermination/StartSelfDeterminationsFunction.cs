using Etransactions.Functions.Core;
using Etransactions.Functions.Platforms.Determinations;
using Etransactions.Functions.Platforms.Domain;
using Etransactions.Functions.Platforms.Registry;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Etransactions.Functions.Platforms.SelfDetermination;

/// <summary>
/// Every 1 January 00:05 Vietnam time (31 December 17:05 UTC), runnable by hand
/// (<c>POST /admin/functions/startSelfDeterminations</c>): starts the current year's self-determination for every
/// platform that will have operated 12 months by the deadline (Decree 137, Art. 18.2). A cycle already started is
/// left alone, so a rerun starts only what is missing; the run fails when any could not be started.
/// </summary>
public sealed partial class StartSelfDeterminationsFunction(
    PlatformStore platforms, DeterminationStore determinations, TimeProvider clock, ILogger<StartSelfDeterminationsFunction> logger)
{
    public const string Name = "startSelfDeterminations";

    public const string Schedule = "0 5 17 31 12 *";

    [Function(Name)]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var cycle = VietnamTime.DateOf(now).Year;
        if (cycle < Cycles.FirstCycle)
        {
            return;
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
        LogCounts(cycle, started, alreadyStarted, notYetTwelveMonths, failed);
        if (failed > 0)
        {
            throw new InvalidOperationException($"{failed} self-determinations of cycle {cycle} could not be started.");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Self-determination of {PlatformId} for cycle {Cycle} could not be started")]
    private partial void LogFailed(Exception error, string platformId, int cycle);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Self-determination cycle {Cycle}: {Started} started, {AlreadyStarted} already started, {NotYetTwelveMonths} not yet operating 12 months, {Failed} failed")]
    private partial void LogCounts(int cycle, int started, int alreadyStarted, int notYetTwelveMonths, int failed);
}
