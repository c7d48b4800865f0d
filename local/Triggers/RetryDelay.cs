namespace Etransactions.Local.Triggers;

/// <summary>Back-off between tries of a failed blob or queue item: the polling interval, doubled each time, at most a minute.</summary>
public static class RetryDelay
{
    public static TimeSpan After(int failures, TimeSpan pollingInterval) =>
        TimeSpan.FromTicks((long)Math.Min(pollingInterval.Ticks * Math.Pow(2, Math.Max(0, failures - 1)), TimeSpan.TicksPerMinute));
}
