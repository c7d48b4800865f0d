namespace Etransactions.Local;

/// <summary>`dotnet run --project local`: starts the host, serves until Ctrl-C, stops everything it started.</summary>
public static class LocalHost
{
    public static async Task<int> RunAsync(LocalHostOptions options, CancellationToken cancellation)
    {
        using var loggers = LoggerFactory.Create(HostLogging.Console);
        var logger = loggers.CreateLogger("Host");
        var started = Stopwatch.StartNew();
        try
        {
            await using var host = await RunningHost.StartAsync(options, HostLogging.Console, cancellation);
            logger.LogInformation("Ready in {Seconds:0.0} s on {Url}; Ctrl-C stops it", started.Elapsed.TotalSeconds, host.BaseUri);
            var finished = await Task.WhenAny(host.WorkerExited, Task.Delay(Timeout.Infinite, cancellation));
            if (finished == host.WorkerExited && !cancellation.IsCancellationRequested)
            {
                logger.LogCritical("The functions worker stopped; the host stops too");
                return 1;
            }
            return 0;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception error) when (error is InvalidOperationException or TimeoutException or IOException)
        {
            logger.LogCritical("{Error}", error.Message);
            return 1;
        }
        finally
        {
            logger.LogInformation("Stopped");
        }
    }
}
