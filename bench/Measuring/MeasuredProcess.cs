using System.Diagnostics;

namespace Etransactions.Bench.Measuring;

/// <summary>One run of a command as a child process: its wall time, CPU time and the peak memory of its process tree.</summary>
/// <param name="CpuSeconds">User and system time of the process and its descendants: less swayed than wall time by other work on the machine.</param>
/// <param name="PeakRssBytes">The highest RSS of the process and its descendants, sampled every 50 ms.</param>
internal sealed record MeasuredProcess(double Seconds, double CpuSeconds, long PeakRssBytes, string Stdout)
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(50);

    /// <summary>Runs the command to its end; a non-zero exit is an error with the end of what it wrote on stderr.</summary>
    public static async Task<MeasuredProcess> RunAsync(string command, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Runs are measured one at a time, so the CPU time of this process's ended children grows by this run's alone.
        var cpuBefore = ProcessTree.EndedChildrenCpuSeconds();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{command} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExitAsync();
        var peak = 0L;
        while (!exited.IsCompleted)
        {
            peak = Math.Max(peak, ProcessTree.RssBytes(process.Id));
            await Task.WhenAny(exited, Task.Delay(SampleEvery));
        }
        await exited;
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = ProcessTree.EndedChildrenCpuSeconds() - cpuBefore;
        if (process.ExitCode != 0)
        {
            var error = await stderr;
            throw new InvalidOperationException($"{command} exited with {process.ExitCode}: {error[Math.Max(0, error.Length - 2000)..]}");
        }
        return new MeasuredProcess(seconds, cpuSeconds, peak, await stdout);
    }
}
