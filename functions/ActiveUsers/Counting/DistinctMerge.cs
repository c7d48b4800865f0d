namespace Etransactions.Functions.ActiveUsers.Counting;

/// <summary>
/// Merges sorted key sets as streams: what is held at once is one key (and one read buffer) per set, so a
/// month of day-sets is counted exactly in the memory of its merge heads, however many users it has.
/// </summary>
public static class DistinctMerge
{
    /// <summary>The distinct keys of all the sets, in ascending order.</summary>
    public static IEnumerable<ulong> Keys(IReadOnlyList<KeySetReader> sets)
    {
        var heads = new PriorityQueue<int, ulong>(sets.Count);
        for (var i = 0; i < sets.Count; i++)
        {
            if (sets[i].TryRead(out var first))
            {
                heads.Enqueue(i, first);
            }
        }
        var any = false;
        var last = 0UL;
        while (heads.TryDequeue(out var set, out var key))
        {
            if (!any || key != last)
            {
                yield return key;
                (any, last) = (true, key);
            }
            if (sets[set].TryRead(out var next))
            {
                heads.Enqueue(set, next);
            }
        }
    }

    /// <summary>How many distinct keys the sets hold together.</summary>
    public static long Count(IReadOnlyList<KeySetReader> sets)
    {
        long count = 0;
        foreach (var _ in Keys(sets))
        {
            count++;
        }
        return count;
    }
}
