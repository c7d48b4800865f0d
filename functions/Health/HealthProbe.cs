namespace Etransactions.Functions.Health;

/// <summary>Runs one check under a time limit: whatever fails, or does not answer in time, is down.</summary>
public static class HealthProbe
{
    public static async Task<ComponentCheck> RunAsync(
        Func<CancellationToken, Task> check, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var limit = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(limit.Token, cancellationToken);
        try
        {
            // WaitAsync bounds the wait even if the client does not honour the token at once.
            await check(linked.Token).WaitAsync(timeout, time, cancellationToken);
            return new(ComponentCheck.Up, Elapsed(time, started));
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var timedOut = exception is TimeoutException || (exception is OperationCanceledException && limit.IsCancellationRequested);
            var error = timedOut ? $"No answer within {timeout.TotalMilliseconds:0} ms." : FirstLine(exception.Message);
            return new(ComponentCheck.Down, Elapsed(time, started), error);
        }
    }

    private static long Elapsed(TimeProvider time, long started) =>
        (long)Math.Round(time.GetElapsedTime(started).TotalMilliseconds);

    private static string FirstLine(string message)
    {
        var end = message.AsSpan().IndexOfAny('\r', '\n');
        return end < 0 ? message : message[..end];
    }
}
