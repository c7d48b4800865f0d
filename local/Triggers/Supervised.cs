namespace Etransactions.Local.Triggers;

/// <summary>Keeps a listener running: a failure (storage briefly down, say) is logged and the listener restarted.</summary>
public static class Supervised
{
    public static async Task RunAsync(string name, Func<CancellationToken, Task> listener, ILogger logger, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await listener(stopping);
                return;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                logger.LogError(error, "The listener of {Function} failed; restarting it in 5 s", name);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(5), stopping);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
