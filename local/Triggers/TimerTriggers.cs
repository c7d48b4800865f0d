using NCrontab;

namespace Etransactions.Local.Triggers;

/// <summary>
/// Timer functions on their schedules, on the app's movable clock. The last and next run of each are kept
/// in storage as the Functions host keeps them, so a run missed while the host was down is made up once
/// at the next start.
/// </summary>
public sealed class TimerTriggers(Invoker invoker, MovableClock clock, HostStorage storage, Func<string, string> resolve, ILogger<TimerTriggers> logger)
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(12);

    public sealed record ScheduleStatus(DateTimeOffset Last, DateTimeOffset Next, DateTimeOffset LastUpdated);

    public IEnumerable<Task> Start(FunctionCatalog functions, CancellationToken stopping) =>
        functions.WithTrigger("timerTrigger").Select(function => Supervised.RunAsync(function, RunAsync, logger, stopping)).ToList();

    public Task<InvocationOutcome> RunNowAsync(AppFunction function, CancellationToken cancellation) =>
        InvokeAsync(function, isPastDue: false, status: null, cancellation);

    private async Task RunAsync(AppFunction function, CancellationToken stopping)
    {
        var nextAfter = ParseSchedule(resolve(function.Property("schedule") ?? throw new InvalidOperationException($"{function.Name} has no schedule")));
        var record = $"timers/{storage.HostId}/{function.Name}/status";
        var status = await storage.ReadAsync<ScheduleStatus>(record, stopping);
        if (status is not null && status.Next <= clock.GetUtcNow())
        {
            logger.LogInformation("Timer '{Function}' missed its run at {Due:o} while the host was down; running it now", function.Name, status.Next);
            await InvokeAsync(function, isPastDue: true, status, stopping);
        }
        else if ("true".Equals(function.Property("runOnStartup"), StringComparison.OrdinalIgnoreCase))
        {
            await InvokeAsync(function, isPastDue: false, status, stopping);
        }
        var last = status?.Last ?? default;
        while (!stopping.IsCancellationRequested)
        {
            var next = nextAfter(clock.GetUtcNow());
            status = new ScheduleStatus(last, next, clock.GetUtcNow());
            await storage.WriteAsync(record, status);
            if (!await WaitUntilAsync(next, stopping))
            {
                continue;
            }
            var pastDue = clock.GetUtcNow() - next > TimeSpan.FromMinutes(1);
            await InvokeAsync(function, pastDue, status, stopping);
            last = next;
        }
    }

    /// <summary>Six-field NCRONTAB in UTC, or a fixed interval ("00:05:00"), as Functions reads a schedule: the next run after a time.</summary>
    private static Func<DateTimeOffset, DateTimeOffset> ParseSchedule(string expression)
    {
        if (TimeSpan.TryParse(expression, CultureInfo.InvariantCulture, out var interval) && !expression.Contains(' ', StringComparison.Ordinal))
        {
            return after => after + interval;
        }
        var cron = CrontabSchedule.Parse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        return after => new DateTimeOffset(cron.GetNextOccurrence(after.UtcDateTime), TimeSpan.Zero);
    }

    /// <summary>Waits until the clock reads <paramref name="due"/>; false when the clock was moved meanwhile before it.</summary>
    private async Task<bool> WaitUntilAsync(DateTimeOffset due, CancellationToken stopping)
    {
        while (true)
        {
            var moved = clock.Moved;
            var remaining = due - clock.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return true;
            }
            var finished = await Task.WhenAny(Task.Delay(remaining < LongestWait ? remaining : LongestWait, stopping), moved);
            stopping.ThrowIfCancellationRequested();
            if (finished == moved)
            {
                // Moved forward past the due time: run once (past due); moved elsewhere: work out the next run again.
                return clock.GetUtcNow() >= due;
            }
        }
    }

    private Task<InvocationOutcome> InvokeAsync(AppFunction function, bool isPastDue, ScheduleStatus? status, CancellationToken cancellation)
    {
        var timerInfo = JsonSerializer.Serialize(new
        {
            Schedule = new { AdjustForDST = true },
            ScheduleStatus = status,
            IsPastDue = isPastDue,
        });
        return invoker.InvokeAsync(function, new TypedData { Json = timerInfo }, cancellation: cancellation);
    }
}
