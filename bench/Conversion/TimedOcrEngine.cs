using System.Diagnostics;
using System.Runtime.CompilerServices;
using Etransactions.Functions.Conversion.Documents.Ocr;

namespace Etransactions.Bench.Conversion;

/// <summary>The app's OCR engine, with the time the pipeline spends waiting on it counted: what is left is the pipeline's own work.</summary>
internal sealed class TimedOcrEngine(IOcrEngine engine) : IOcrEngine
{
    private long _waitTicks;

    public string Name => engine.Name;

    public TimeSpan Waited => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _waitTicks));

    public async IAsyncEnumerable<OcrPage> RecognizeAsync(OcrRequest request, [EnumeratorCancellation] CancellationToken cancellation)
    {
        await using var pages = engine.RecognizeAsync(request, cancellation).GetAsyncEnumerator(cancellation);
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            bool more;
            try
            {
                more = await pages.MoveNextAsync();
            }
            finally
            {
                Interlocked.Add(ref _waitTicks, Stopwatch.GetTimestamp() - started);
            }
            if (!more)
            {
                yield break;
            }
            yield return pages.Current;
        }
    }
}
