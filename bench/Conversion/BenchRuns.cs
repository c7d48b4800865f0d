using System.Text.Json;
using Etransactions.Bench.Measuring;

namespace Etransactions.Bench.Conversion;

/// <summary>A measured run of the pipeline (this program as a child process) or of OCRmyPDF, and the PDF it wrote.</summary>
internal sealed record BenchRun(MeasuredProcess Process, string Output, ConversionWorker.Report? Report = null)
{
    public const string Language = "vie+eng";

    /// <summary>OCRmyPDF's documented speed settings ("Performance"): no optimisation, no PDF/A, no fast web view.</summary>
    public static readonly IReadOnlyList<string> OcrmypdfSpeedOptions = ["--optimize", "0", "--output-type", "pdf", "--fast-web-view", "0"];

    /// <summary>What OCRmyPDF offers for crooked, dirty scans, on top of the speed settings.</summary>
    public static readonly IReadOnlyList<string> OcrmypdfCleanOptions = ["--deskew", "--clean"];

    public static async Task<BenchRun> PipelineAsync(string warmUpScan, string scan, string output)
    {
        var (command, prefix) = Self();
        var process = await MeasuredProcess.RunAsync(command, [.. prefix, ConversionWorker.Command, warmUpScan, scan, output]);
        var lastLine = process.Stdout.Trim().Split('\n')[^1];
        var report = JsonSerializer.Deserialize<ConversionWorker.Report>(lastLine, BenchJson.Options)
            ?? throw new InvalidOperationException($"The worker printed no report: {lastLine}");
        return new BenchRun(process, output, report);
    }

    public static async Task<BenchRun> OcrmypdfAsync(IEnumerable<string> options, string scan, string output) =>
        new(await MeasuredProcess.RunAsync("ocrmypdf", ["-l", Language, .. options, "--quiet", scan, output]), output);

    /// <summary>The shortest run: the one least disturbed by whatever else the machine was doing.</summary>
    public static BenchRun Best(IEnumerable<BenchRun> runs) => runs.MinBy(run => run.Process.Seconds)!;

    /// <summary>This program again: its apphost, or `dotnet` with its assembly.</summary>
    internal static (string Command, string[] Prefix) Self()
    {
        var path = Environment.ProcessPath ?? throw new InvalidOperationException("No path to this program");
        return Path.GetFileNameWithoutExtension(path) == "dotnet" ? (path, [typeof(BenchRun).Assembly.Location]) : (path, []);
    }
}
