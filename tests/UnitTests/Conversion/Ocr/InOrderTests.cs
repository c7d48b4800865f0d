using System.Collections.Concurrent;
using Etransactions.Functions.Conversion.Documents.Ocr;

namespace Etransactions.UnitTests.Conversion.Ocr;

/// <summary>The bounded page pool: pages read side by side, handed on in order.</summary>
public class InOrderTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_PagesFinishOutOfOrder_YieldsThemInPageOrder()
    {
        var gates = Enumerable.Range(0, 3).Select(_ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var collected = Collect(InOrder.RunAsync(3, 3, (index, _) => gates[index].Task, Cancellation));

        gates[2].SetResult("c");
        gates[0].SetResult("a");
        gates[1].SetResult("b");

        Assert.Equal(["a", "b", "c"], await collected);
    }

    [Fact]
    public async Task RunAsync_ReaderHoldsAPage_RunsNoMoreThanThePoolAndNotFarAhead()
    {
        var running = 0;
        var most = 0;
        var started = new ConcurrentQueue<int>();
        await using var pages = InOrder.RunAsync(10, 2, async (index, _) =>
        {
            started.Enqueue(index);
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            await Task.Yield();
            Interlocked.Decrement(ref running);
            return index;
        }, Cancellation).GetAsyncEnumerator(Cancellation);

        Assert.True(await pages.MoveNextAsync());
        Assert.Equal(0, pages.Current);
        // Nothing beyond the pool while the reader holds page 0.
        Assert.Equal([0, 1], started.Order());
        var rest = new List<int>();
        while (await pages.MoveNextAsync())
        {
            rest.Add(pages.Current);
        }

        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9], rest);
        Assert.InRange(most, 1, 2);
    }

    [Fact]
    public async Task RunAsync_APageFails_ThrowsWhenItIsDueAndStartsNothingAfterIt()
    {
        var started = new ConcurrentQueue<int>();
        var seen = new List<int>();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var page in InOrder.RunAsync(5, 1, (index, _) =>
            {
                started.Enqueue(index);
                return index == 1 ? Task.FromException<int>(new InvalidOperationException("page 2 unreadable")) : Task.FromResult(index);
            }, Cancellation))
            {
                seen.Add(page);
            }
        });

        Assert.Equal("page 2 unreadable", failure.Message);
        Assert.Equal([0], seen);
        Assert.Equal([0, 1], started);
    }

    // Were the running pages not cancelled, the enumeration would wait for them for ever.
    [Fact(Timeout = 10_000)]
    public async Task RunAsync_ReaderStopsEarly_CancelsAndAwaitsThePagesStillRunning()
    {
        var cancelled = new ConcurrentBag<int>();
        var pages = InOrder.RunAsync(6, 3, async (index, stop) =>
        {
            if (index == 0)
            {
                return index;
            }

            try
            {
                await Task.Delay(Timeout.Infinite, stop);
            }
            catch (OperationCanceledException)
            {
                cancelled.Add(index);
                throw;
            }

            return index;
        }, TestContext.Current.CancellationToken);

        await foreach (var page in pages)
        {
            Assert.Equal(0, page);
            break;
        }

        // Pages 1 and 2 were running beside page 0; leaving the loop cancelled them and waited for them.
        Assert.Equal([1, 2], cancelled.Order());
    }

    private static async Task<List<T>> Collect<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
