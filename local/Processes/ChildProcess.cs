using System.Runtime.InteropServices;

namespace Etransactions.Local.Processes;

/// <summary>A process the local host started: its output goes to the log, and it is stopped with the host.</summary>
public sealed partial class ChildProcess(Process process, ILogger logger) : IAsyncDisposable
{
    private const int SigTerm = 15;
    private const string SetSid = "/usr/bin/setsid";

    public int Id => process.Id;
    public DateTime StartTime => process.StartTime;

    public Task WaitForExitAsync(CancellationToken cancellation = default) => process.WaitForExitAsync(cancellation);
    public int ExitCode => process.ExitCode;

    /// <summary>
    /// Starts the process. With <paramref name="ownSession"/> it runs in a session of its own (setsid), so a
    /// Ctrl-C in the terminal reaches the host alone, which then stops its children in order.
    /// </summary>
    public static ChildProcess Start(ProcessStartInfo start, ILogger logger, Func<string, LogLevel>? levelOf = null, bool ownSession = false)
    {
        if (ownSession && File.Exists(SetSid))
        {
            start.ArgumentList.Insert(0, start.FileName);
            start.FileName = SetSid;
        }
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}");
        process.OutputDataReceived += (_, line) => Log(logger, line.Data, levelOf?.Invoke(line.Data ?? "") ?? LogLevel.Information);
        process.ErrorDataReceived += (_, line) => Log(logger, line.Data, LogLevel.Warning);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ChildProcess(process, logger);
    }

    private static void Log(ILogger logger, string? line, LogLevel level)
    {
        if (!string.IsNullOrWhiteSpace(line))
        {
            logger.Log(level, "{Line}", line);
        }
    }

    /// <summary>
    /// Waits for <paramref name="step"/> of the process's start, failing at once if the process exits (a setting
    /// it refused, a port in use: <paramref name="why"/> says where to look) or if the step takes over a minute.
    /// </summary>
    public async Task StartingAsync(string name, Task step, Func<string> why, CancellationToken cancellation)
    {
        var finished = await Task.WhenAny(step, process.WaitForExitAsync(cancellation), Task.Delay(TimeSpan.FromMinutes(1), cancellation));
        if (finished == step)
        {
            await step;
            return;
        }
        if (process.HasExited)
        {
            throw new InvalidOperationException($"{name} stopped while starting (exit code {process.ExitCode}); {why()}");
        }
        cancellation.ThrowIfCancellationRequested();
        throw new TimeoutException($"{name} did not start within a minute.");
    }

    /// <summary>Asks the process to stop (SIGTERM), then kills it and its children after the grace period.</summary>
    public async ValueTask StopAsync(TimeSpan grace)
    {
        if (process.HasExited)
        {
            return;
        }
        Terminate(process.Id);
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Process {ProcessId} did not stop within {Grace}; killing it", process.Id, grace);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(10));
        process.Dispose();
    }

    /// <summary>SIGTERM lets Azurite write its data and the worker shut down; Process.Kill would be SIGKILL.</summary>
    public static void Terminate(int processId) => _ = SendSignal(processId, SigTerm);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int processId, int signal);
}
