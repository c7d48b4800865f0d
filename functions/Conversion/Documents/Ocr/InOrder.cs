using System.Runtime.CompilerServices;

namespace Etransactions.Functions.Conversion.Documents.Ocr;

/// <summary>
/// A bounded pool whose results come out in order: pages are read side by side, but a document is built
/// front to back.
/// </summary>
public static class InOrder
{
    /// <summary>
    /// Runs <paramref name="work"/> for indexes 0 to <paramref name="count"/> - 1, at most
    /// <paramref name="concurrency"/> at once, and yields the results in index order. It never runs further
    /// ahead of the reader than <paramref name="concurrency"/> items, so memory stays flat however long the
    /// document is. A work item runs on the caller's thread until its first await, as any async method
    /// does: CPU-bound work belongs in Task.Run. A failure stops new work and is thrown when its turn comes.
    /// When the reader stops early or a failure is thrown, the work still running is cancelled and awaited,
    /// so nothing outlives the enumeration.
    /// </summary>
    public static async IAsyncEnumerable<T> RunAsync<T>(
        int count,
        int concurrency,
        Func<int, CancellationToken, Task<T>> work,
        [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var running = new Dictionary<int, Task<T>>();
        var next = 0;
        try
        {
            for (var index = 0; index < count; index++)
            {
                for (; next < count && next < index + Math.Max(1, concurrency); next++)
                {
                    running[next] = work(next, stop.Token);
                }

                var result = await running[index];
                running.Remove(index);
                yield return result;
            }
        }
        finally
        {
            await stop.CancelAsync();
            // Their outcome no longer matters: the reader has stopped, or an earlier failure is being thrown.
            await ((Task)Task.WhenAll(running.Values)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
