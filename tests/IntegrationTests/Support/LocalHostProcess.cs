using System.Collections.Concurrent;
using System.Diagnostics;
using Etransactions.Local;
using Etransactions.Local.Processes;

namespace Etransactions.IntegrationTests.Support;

/// <summary>
/// `dotnet run --project local` as a newcomer runs it, in a process group of its own, so that a test can
/// press Ctrl-C (SIGINT to the group) or kill the host outright.
/// </summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private LocalHostProcess(Process process, int port, string dataFolder)
    {
        _process = process;
        Port = port;
        DataFolder = dataFolder;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public int Port { get; }

    public string DataFolder { get; }

    public HttpClient Http { get; }

    public string Output => string.Join(Environment.NewLine, _output.TakeLast(80));

    public static LocalHostProcess Start(string dataFolder, int port, params string[] extra)
    {
        // In a session of its own, as a terminal runs a foreground job, and with SIGINT handled: started from
        // a background job, it would inherit SIGINT ignored, and a Ctrl-C could never reach it.
        var start = new ProcessStartInfo("python3")
        {
            WorkingDirectory = RepositoryRoot.Find(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList =
            {
                "-c", "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.setsid(); os.execvp(sys.argv[1], sys.argv[1:])",
                "dotnet", "run", "--project", "local", "--", "--port", $"{port}", "--data", dataFolder, "--free-storage-ports",
            },
        };
        foreach (var argument in extra)
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet run did not start");
        var host = new LocalHostProcess(process, port, dataFolder);
        process.OutputDataReceived += (_, line) => host.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => host.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits until the URL answers with a success status; the time it took.</summary>
    public async Task<TimeSpan> WaitUntilAnsweringAsync(string path, TimeSpan within)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < within)
        {
            if (_process.HasExited)
            {
                Assert.Fail($"The local host exited with code {_process.ExitCode}.{Environment.NewLine}{Output}");
            }
            try
            {
                using var reply = await Http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
                if (reply.IsSuccessStatusCode)
                {
                    return watch.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
        Assert.Fail($"{path} did not answer within {within.TotalSeconds} s.{Environment.NewLine}{Output}");
        return watch.Elapsed;
    }

    public IReadOnlyList<ProcessRegistry.Entry> Recorded() => ProcessRegistry.ReadFrom(Path.Combine(DataFolder, "local-host"));

    /// <summary>
    /// Ctrl-C in the terminal: SIGINT to the whole foreground group (`dotnet run` and the host); waits until
    /// the host has stopped. True when it said so before it ended.
    /// </summary>
    public async Task<bool> InterruptAsync(TimeSpan within)
    {
        var host = Recorded().Single(entry => entry.Role == "host");
        Signal("-INT", $"-{_process.Id}");
        var deadline = DateTime.UtcNow + within;
        while (ProcessRegistry.IsAlive(host) || !_process.HasExited)
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"The host did not stop within {within.TotalSeconds} s.{Environment.NewLine}{Output}");
            }
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        await _process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return _output.Any(line => line.Contains("Host[0] Stopped", StringComparison.Ordinal));
    }

    /// <summary>The host dies without a chance to stop anything (SIGKILL), as in a crash.</summary>
    public async Task KillHostAsync()
    {
        var host = Recorded().Single(entry => entry.Role == "host");
        Signal("-KILL", $"{host.ProcessId}");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    private static void Signal(string signal, string target)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-s", signal.TrimStart('-'), "--", target]) { UseShellExecute = false })!;
        kill.WaitForExit();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            Signal("-INT", $"-{_process.Id}");
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        foreach (var entry in Recorded().Where(ProcessRegistry.IsAlive))
        {
            using var left = Process.GetProcessById(entry.ProcessId);
            left.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }

    public static int FreePortNumber() => LoopbackPort.Free();
}
