using System.Globalization;
using System.Text.Json;
using Etransactions.Functions.Conversion.Documents;
using Etransactions.Functions.Conversion.Documents.Inspection;
using Etransactions.TestSupport;

namespace Etransactions.Bench.Conversion;

/// <summary>
/// `dotnet run -c Release --project bench -- conversion`: a 20-page and a 5-page scan of known Vietnamese
/// text, degraded as real scans are (<see cref="TestSupport.Scans.DegradedScans"/>), converted by the app's
/// whole pipeline and, in the same run, by OCRmyPDF twice: with the speed options its documentation gives,
/// and with --deskew --clean as well. Each run is its own child process, measured alike: wall time, and peak
/// memory of the process and all its children from /proc. The runs alternate for BENCH_ROUNDS rounds
/// (default 2) and the best of each counts, since the machine may be busy with other work. Each run is scored
/// by its character error rate against the known text, read back from its PDF by pdftotext. BENCH_KEEP=1
/// keeps the scans and the PDFs made.
/// The last line printed is one JSON object with every figure.
/// </summary>
internal static class ConversionBenchmark
{
    public const string Command = "conversion";
    private const int Pages = 20;
    private const int SmallPages = 5;

    public static async Task<int> RunAsync()
    {
        var rounds = int.TryParse(Environment.GetEnvironmentVariable("BENCH_ROUNDS"), CultureInfo.InvariantCulture, out var asked) && asked > 0 ? asked : 2;
        var folder = Directory.CreateTempSubdirectory("bench-conversion-").FullName;
        try
        {
            Console.WriteLine($"Making degraded scans of {Pages} and {SmallPages} pages: {BenchScans.DescribeDamage(Pages)}…");
            var scans = await BenchScans.MakeAsync(folder, [1, SmallPages, Pages]);
            var version = await VersionAsync("ocrmypdf", "--version");
            var loadAtStart = LoadAverage();

            var small = new List<BenchRun>();
            var pipeline = new List<BenchRun>();
            var fast = new List<BenchRun>();
            var clean = new List<BenchRun>();
            // Rounds alternate the runs, so a burst of load elsewhere does not fall on one side only.
            for (var round = 1; round <= rounds; round++)
            {
                string Output(string name) => Path.Combine(folder, $"{name}-{round}.pdf");
                Console.WriteLine($"Round {round}/{rounds}: pipeline, {SmallPages} pages…");
                small.Add(await BenchRun.PipelineAsync(scans.Files[1], scans.Files[SmallPages], Output("pipeline-5")));
                Console.WriteLine($"Round {round}/{rounds}: pipeline, {Pages} pages…");
                pipeline.Add(await BenchRun.PipelineAsync(scans.Files[1], scans.Files[Pages], Output("pipeline")));
                Console.WriteLine($"Round {round}/{rounds}: ocrmypdf {string.Join(' ', BenchRun.OcrmypdfSpeedOptions)} ({version})…");
                fast.Add(await BenchRun.OcrmypdfAsync(BenchRun.OcrmypdfSpeedOptions, scans.Files[Pages], Output("ocrmypdf")));
                Console.WriteLine($"Round {round}/{rounds}: ocrmypdf with {string.Join(' ', BenchRun.OcrmypdfCleanOptions)} as well…");
                clean.Add(await BenchRun.OcrmypdfAsync([.. BenchRun.OcrmypdfSpeedOptions, .. BenchRun.OcrmypdfCleanOptions], scans.Files[Pages], Output("ocrmypdf-clean")));
            }

            var known = BenchScans.KnownText(Pages);
            var firstPage = new ScanInspector().Inspect(await File.ReadAllBytesAsync(scans.Files[Pages]), "pdf", ScanLimits.Default).Pages[0];
            var figures = new ConversionFigures(
                rounds,
                await Contender.ScoreAsync(pipeline, known, pdf => PdfText.DataMessagePagesAsync(pdf, firstPage.WidthPt, firstPage.HeightPt)),
                small,
                await Contender.ScoreAsync(fast, known, PdfText.PagesAsync),
                await Contender.ScoreAsync(clean, known, PdfText.PagesAsync));
            figures.PrintSummary();
            Console.WriteLine(JsonSerializer.Serialize(figures.ToJson(version, await VersionAsync("tesseract", "--version"), loadAtStart), BenchJson.Options));
            return 0;
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("BENCH_KEEP") == "1")
            {
                Console.WriteLine($"Scans and outputs kept in {folder}");
            }
            else
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>The first line a tool prints of its version.</summary>
    private static async Task<string> VersionAsync(string tool, string argument)
    {
        var result = await ExternalTool.RunAsync(tool, [argument]);
        return $"{tool} {(result.Stdout + result.Stderr).Trim().Split('\n')[0].Trim()}";
    }

    private static double LoadAverage() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
}
