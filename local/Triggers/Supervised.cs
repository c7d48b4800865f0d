namespace Etransactions.Local.Triggers;

/// <summary>Keeps a listener running: a failure (storage briefly down, say) is logged and the listener restarted.</summary>
public static class Supervised
{
    public static async Task RunAsync(AppFunction function, Func<AppFunction, CancellationToken, Task> listener, ILogger logger, CancellationToken stopping)
    {
        while (true)
        {
            try
            {
                await listener(function, stopping);
                return;
            }
            catch (Exception error) when (!stopping.IsCancellationRequested)
            {
                logger.LogError(error, "The listener of {Function} failed; restarting it in 5 s", function.Name);
            }
            await Task.Delay(TimeSpan.FromSeconds(5), stopping);
        }
    }
}
