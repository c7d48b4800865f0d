using System.Diagnostics;
using System.Text.Json;
using Etransactions.Functions.Conversion.Documents.Ocr;
using Microsoft.Extensions.DependencyInjection;

namespace Etransactions.Bench.Conversion;

/// <summary>
/// The child process of one pipeline run: converts a scan file, writes the data message beside it, and
/// prints its timings as one JSON line. A one-page conversion first warms the process (JIT, fonts, the
/// signing certificate, tesseract's language list), as a running function app is warm when an upload
/// arrives; the figures are for the document itself.
/// </summary>
internal static class ConversionWorker
{
    public const string Command = "conversion-worker";

    /// <param name="OcrWaitSeconds">Time the pipeline spent waiting on the OCR engine.</param>
    public sealed record Report(int Pages, double Seconds, double OcrWaitSeconds, long OutputBytes, string OutputSha256, string Signer);

    public static async Task<int> RunAsync(string warmUpScan, string scan, string output)
    {
        await using var services = Pipeline.Services();
        var pipeline = services.GetRequiredService<Pipeline>();
        var engine = services.GetRequiredService<IOcrEngine>();
        await pipeline.ConvertAsync(await File.ReadAllBytesAsync(warmUpScan), engine, CancellationToken.None);

        var bytes = await File.ReadAllBytesAsync(scan);
        var ocr = new TimedOcrEngine(engine);
        var clock = Stopwatch.StartNew();
        var result = await pipeline.ConvertAsync(bytes, ocr, CancellationToken.None);
        clock.Stop();
        await File.WriteAllBytesAsync(output, result.Pdf);
        var report = new Report(result.PageCount, clock.Elapsed.TotalSeconds, ocr.Waited.TotalSeconds, result.Pdf.LongLength, result.OutputSha256, result.Signer);
        Console.WriteLine(JsonSerializer.Serialize(report, BenchJson.Options));
        return 0;
    }
}
