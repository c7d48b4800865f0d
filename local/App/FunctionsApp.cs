namespace Etransactions.Local.App;

/// <summary>A built functions project: the folder the Functions host would run, and the worker in it.</summary>
public sealed record FunctionsApp(string OutputDirectory, string WorkerAssembly)
{
    /// <summary>Builds the project (incrementally) unless told not to, then finds its output.</summary>
    public static async Task<FunctionsApp> PrepareAsync(string project, bool build, ILogger logger, CancellationToken cancellation)
    {
        if (build)
        {
            logger.LogInformation("Building {Project}", Path.GetFileName(project));
            var started = Stopwatch.StartNew();
            var process = ChildProcess.Start(
                new ProcessStartInfo("dotnet", ["build", project, "-nologo", "-v:q", "-clp:NoSummary"]),
                logger,
                line => line.Contains(": error ", StringComparison.Ordinal) ? LogLevel.Error : LogLevel.Information);
            await process.WaitForExitAsync(cancellation);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"The build of {project} failed (exit code {process.ExitCode}).");
            }
            logger.LogInformation("Built in {Seconds:0.0} s", started.Elapsed.TotalSeconds);
        }
        return Locate(project);
    }

    /// <summary>The Debug output of a net10.0 functions project, named by its worker.config.json.</summary>
    public static FunctionsApp Locate(string project)
    {
        var output = Path.Combine(Path.GetDirectoryName(project)!, "bin", "Debug", "net10.0");
        var config = Path.Combine(output, "worker.config.json");
        if (!File.Exists(config))
        {
            throw new InvalidOperationException($"{config} is missing: build {project} first.");
        }
        var worker = JsonNode.Parse(File.ReadAllText(config))?["description"]?["defaultWorkerPath"]?.GetValue<string>()
            ?? throw new InvalidOperationException($"{config} names no defaultWorkerPath.");
        return new FunctionsApp(output, Path.Combine(output, worker));
    }
}
