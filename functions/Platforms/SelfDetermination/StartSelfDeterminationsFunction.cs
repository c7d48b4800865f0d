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
public sealed partial class StartSelfDeterminationsFunction(YearlyCycle yearlyCycle, TimeProvider clock, ILogger<StartSelfDeterminationsFunction> logger)
{
    public const string Name = "startSelfDeterminations";

    public const string Schedule = "0 5 17 31 12 *";

    [Function(Name)]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellation)
    {
        if (await yearlyCycle.StartAsync(client, clock.GetUtcNow(), cancellation) is not { } counts)
        {
            return;
        }
        LogCounts(counts.Cycle, counts.Started, counts.AlreadyStarted, counts.NotYetTwelveMonths, counts.Failed);
        if (counts.Failed > 0)
        {
            throw new InvalidOperationException($"{counts.Failed} self-determinations of cycle {counts.Cycle} could not be started.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Self-determination cycle {Cycle}: {Started} started, {AlreadyStarted} already started, {NotYetTwelveMonths} not yet operating 12 months, {Failed} failed")]
    private partial void LogCounts(int cycle, int started, int alreadyStarted, int notYetTwelveMonths, int failed);
}
