using Etransactions.TestSupport.Scans;

namespace Etransactions.Bench.Conversion;

/// <summary>
/// The figures of one benchmark run and the goals: at least 2.5 times the speed per page of OCRmyPDF's
/// fast run, a character error rate no higher than its --deskew --clean run's (within 0.2 points), everything
/// but OCR under 5 % of the pipeline's time, and peak memory flat from 5 to 20 pages (under 1.25 times).
/// Character error rates are in percent.
/// </summary>
/// <param name="SmallRuns">The pipeline's runs on the 5-page scan, for its memory.</param>
internal sealed record ConversionFigures(int Rounds, Contender Pipeline, IReadOnlyList<BenchRun> SmallRuns, Contender Ocrmypdf, Contender OcrmypdfClean)
{
    public const double SpeedGoal = 2.5;
    public const double CerMargin = 0.2;
    public const double NonOcrGoal = 0.05;
    public const double MemoryGrowthGoal = 1.25;

    private int Pages => Pipeline.Known.Count;

    private ConversionWorker.Report Report => Pipeline.Best.Report!;

    /// <summary>The document alone, in the warm process (the whole child process is <see cref="Contender.SecondsPerPage"/>).</summary>
    public double WarmSecondsPerPage => Report.Seconds / Pages;

    public double SpeedRatio => Ocrmypdf.Best.Process.Seconds / Pipeline.Best.Process.Seconds;

    /// <summary>The same ratio in CPU time: what the speed ratio would be on a machine with nothing else to do.</summary>
    public double CpuRatio => Ocrmypdf.CpuSecondsPerPage / Pipeline.CpuSecondsPerPage;

    public double NonOcrShare => (Report.Seconds - Report.OcrWaitSeconds) / Report.Seconds;

    public double PeakMemoryMB5 => Math.Round(SmallRuns.Max(run => run.Process.PeakRssBytes) / 1024.0 / 1024.0, 1);

    public void PrintSummary()
    {
        Console.WriteLine("page  dpi  skew  blur  JPEG  | CER % pipeline  ocrmypdf  --deskew --clean");
        for (var page = 0; page < Pages; page++)
        {
            var damage = DegradedScans.DamageOf(page);
            Console.WriteLine(FormattableString.Invariant(
                $"{page + 1,4}  {damage.Dpi,3}  {damage.SkewDegrees,4:0.0}°  {damage.BlurSigma,4:0.00}  {damage.JpegQuality,4}  | {Pipeline.PageCers[page],14:0.00}  {Ocrmypdf.PageCers[page],8:0.00}  {OcrmypdfClean.PageCers[page],16:0.00}"));
        }
        Console.WriteLine(FormattableString.Invariant(
            $"Pipeline: {Pipeline.Best.Process.Seconds:0.00} s, {Pipeline.SecondsPerPage:0.000} s/page with process start and warm-up ({WarmSecondsPerPage:0.000} s/page warm), ")
            + FormattableString.Invariant(
            $"CER {Pipeline.Cer:0.00} %, outside OCR {NonOcrShare * 100:0.0} % of the time, peak RSS {Pipeline.PeakMemoryMB:0.0} MB ({PeakMemoryMB5:0.0} MB for 5 pages)"));
        Console.WriteLine(FormattableString.Invariant(
            $"OCRmyPDF fast: {Ocrmypdf.Best.Process.Seconds:0.00} s, {Ocrmypdf.SecondsPerPage:0.000} s/page, CER {Ocrmypdf.Cer:0.00} %, peak RSS {Ocrmypdf.PeakMemoryMB:0.0} MB"));
        Console.WriteLine(FormattableString.Invariant(
            $"OCRmyPDF --deskew --clean: {OcrmypdfClean.Best.Process.Seconds:0.00} s, {OcrmypdfClean.SecondsPerPage:0.000} s/page, CER {OcrmypdfClean.Cer:0.00} %, peak RSS {OcrmypdfClean.PeakMemoryMB:0.0} MB"));
        Console.WriteLine(FormattableString.Invariant(
            $"CPU a page: pipeline {Pipeline.CpuSecondsPerPage:0.000} s, OCRmyPDF fast {Ocrmypdf.CpuSecondsPerPage:0.000} s, --deskew --clean {OcrmypdfClean.CpuSecondsPerPage:0.000} s"));
        Console.WriteLine(FormattableString.Invariant($"Pipeline is {SpeedRatio:0.00}× the speed of OCRmyPDF's fast run per page (best of {Rounds} each), {CpuRatio:0.00}× in CPU time."));
    }

    public object ToJson(string ocrmypdfVersion, string tesseractVersion, double loadAverageAtStart) => new
    {
        benchmark = "conversion",
        pages = Pages,
        rounds = Rounds,
        cpus = Environment.ProcessorCount,
        loadAverageAtStart,
        dotnet = Environment.Version.ToString(),
        ocrmypdfVersion,
        tesseractVersion,
        scans = BenchScans.DescribeDamage(Pages),
        secondsPerPage = Round(Pipeline.SecondsPerPage),
        warmSecondsPerPage = Round(WarmSecondsPerPage),
        ocrmypdfSecondsPerPage = Round(Ocrmypdf.SecondsPerPage),
        ocrmypdfCleanSecondsPerPage = Round(OcrmypdfClean.SecondsPerPage),
        speedRatio = Round(SpeedRatio, 2),
        cpuSecondsPerPage = Round(Pipeline.CpuSecondsPerPage),
        ocrmypdfCpuSecondsPerPage = Round(Ocrmypdf.CpuSecondsPerPage),
        ocrmypdfCleanCpuSecondsPerPage = Round(OcrmypdfClean.CpuSecondsPerPage),
        cpuRatio = Round(CpuRatio, 2),
        cerUnit = "percent",
        cer = Round(Pipeline.Cer),
        ocrmypdfCer = Round(Ocrmypdf.Cer),
        ocrmypdfCleanCer = Round(OcrmypdfClean.Cer),
        nonOcrShare = Round(NonOcrShare),
        ocrWaitSeconds = Round(Report.OcrWaitSeconds, 2),
        peakMemoryMB5 = PeakMemoryMB5,
        peakMemoryMB20 = Pipeline.PeakMemoryMB,
        ocrmypdfPeakMemoryMB = Ocrmypdf.PeakMemoryMB,
        ocrmypdfCleanPeakMemoryMB = OcrmypdfClean.PeakMemoryMB,
        runs = new
        {
            pipeline = Seconds(Pipeline.Runs),
            pipeline5 = Seconds(SmallRuns),
            ocrmypdf = Seconds(Ocrmypdf.Runs),
            ocrmypdfClean = Seconds(OcrmypdfClean.Runs),
            cer = Cers(Pipeline),
            ocrmypdfCer = Cers(Ocrmypdf),
            ocrmypdfCleanCer = Cers(OcrmypdfClean),
        },
        outputBytes = Report.OutputBytes,
        signer = Report.Signer,
        goals = new
        {
            speedRatioAtLeast2_5 = SpeedRatio >= SpeedGoal,
            cerWithin0_2OfOcrmypdfClean = Pipeline.Cer <= OcrmypdfClean.Cer + CerMargin,
            nonOcrUnder5Percent = NonOcrShare < NonOcrGoal,
            memoryFlat = Pipeline.PeakMemoryMB / PeakMemoryMB5 < MemoryGrowthGoal,
        },
    };

    private static IEnumerable<double> Cers(Contender contender) => contender.RunCers.Select(cer => Round(cer));

    private static IEnumerable<double> Seconds(IEnumerable<BenchRun> runs) => runs.Select(run => Round(run.Process.Seconds, 2));

    private static double Round(double value, int digits = 3) => Math.Round(value, digits);
}
