using Etransactions.Functions.Core;
using System.Runtime.CompilerServices;
using Etransactions.Functions.Conversion;
using Etransactions.Functions.Conversion.Documents.Ocr;

namespace Etransactions.IntegrationTests.Conversion.Deliveries;

/// <summary>
/// An OCR engine whose behaviour a test sets between deliveries: down (a <see cref="TransientException"/>, as
/// the service answering 503), held at a gate until the test opens it, or reading through to another engine.
/// </summary>
internal sealed class ScriptedOcr(IOcrEngine reader) : IOcrEngine
{
    private TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource? _gate;

    public string Name => reader.Name;

    /// <summary>Calls that reached the engine, whatever became of them.</summary>
    public int Calls => PagesAsked.Count;

    /// <summary>The pages each call asked to read.</summary>
    public List<IReadOnlyList<int>> PagesAsked { get; } = [];

    public bool Down { get; set; }

    /// <summary>Completes when a call has reached the engine since <see cref="Hold"/>.</summary>
    public Task Entered => _entered.Task;

    /// <summary>From now on a call waits at the gate until <see cref="Release"/>.</summary>
    public void Hold()
    {
        _entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void Release() => _gate?.TrySetResult();

    public async IAsyncEnumerable<OcrPage> RecognizeAsync(OcrRequest request, [EnumeratorCancellation] CancellationToken cancellation)
    {
        PagesAsked.Add(request.PageIndexes);
        _entered.TrySetResult();
        if (_gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellation);
        }
        if (Down)
        {
            throw new TransientException("OCR service answered 503 Service Unavailable");
        }
        await foreach (var page in reader.RecognizeAsync(request, cancellation))
        {
            yield return page;
        }
    }
}
