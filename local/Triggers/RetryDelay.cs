namespace Etransactions.Local.Triggers;

/// <summary>Back-off between tries of a failed blob or queue item: the polling interval, doubled each time, at most a minute.</summary>
public static class RetryDelay
{
    public static TimeSpan After(int failures, TimeSpan pollingInterval)
    {
        var delay = pollingInterval * Math.Pow(2, Math.Max(0, failures - 1));
        return delay < TimeSpan.FromMinutes(1) ? delay : TimeSpan.FromMinutes(1);
    }
}
