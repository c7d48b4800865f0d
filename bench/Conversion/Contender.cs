namespace Etransactions.Bench.Conversion;

/// <summary>
/// One way of converting the scan (the pipeline, or OCRmyPDF with some options): its runs, and the text of
/// each run's PDF. Each figure is the best over the runs: the shortest time, the least CPU, the lowest error
/// rate (the pipeline reads alike every time; OCRmyPDF with --clean does not).
/// </summary>
/// <param name="Reads">The text of each page of each run's PDF, as pdftotext reads it.</param>
internal sealed record Contender(IReadOnlyList<BenchRun> Runs, IReadOnlyList<string> Known, IReadOnlyList<IReadOnlyList<string>> Reads)
{
    public BenchRun Best => BenchRun.Best(Runs);

    /// <summary>Character error rate in percent of each run, over the document.</summary>
    public IReadOnlyList<double> RunCers => [.. Reads.Select(read => CharacterErrorRate.Percent(Known, read))];

    /// <summary>The lowest character error rate of the runs, in percent.</summary>
    public double Cer => RunCers.Min();

    /// <summary>Character error rate in percent of each page, in the run of the lowest rate.</summary>
    public IReadOnlyList<double> PageCers =>
        [.. CharacterErrorRate.Pages(Known, Reads[RunCers.ToList().IndexOf(Cer)]).Select(page => page.Length == 0 ? 0 : 100.0 * page.Edits / page.Length)];

    public double SecondsPerPage => Best.Process.Seconds / Known.Count;

    /// <summary>CPU time a page of the run that used least, with its process start.</summary>
    public double CpuSecondsPerPage => Runs.Min(run => run.Process.CpuSeconds) / Known.Count;

    /// <summary>The highest peak over the runs, in MB.</summary>
    public double PeakMemoryMB => Math.Round(Runs.Max(run => run.Process.PeakRssBytes) / 1024.0 / 1024.0, 1);

    /// <summary>The runs scored, each run's text read from its PDF.</summary>
    public static async Task<Contender> ScoreAsync(IReadOnlyList<BenchRun> runs, IReadOnlyList<string> known, Func<string, Task<IReadOnlyList<string>>> read)
    {
        var reads = new List<IReadOnlyList<string>>();
        foreach (var run in runs)
        {
            reads.Add(await read(run.Output));
        }
        return new Contender(runs, known, reads);
    }
}
