namespace Etransactions.Functions.ActiveUsers.Counting;

/// <summary>
/// A sorted set of distinct user keys as stored: the magic <c>AUK1</c>, the count (LEB128 padded to ten
/// bytes, so that it can be written last), then each key as its difference from the one before, in LEB128
/// (7 bits a byte). A day's keys are spread over all 64 bits, so
/// the differences of n keys average 2⁶⁴/n: about 6 bytes a key at 10 million a day, 7 at 100,000.
/// </summary>
public static class KeySet
{
    public static ReadOnlySpan<byte> Magic => "AUK1"u8;

    /// <summary>The bytes of the count: a 64-bit number in LEB128 takes at most ten.</summary>
    public const int CountLength = 10;

    /// <summary>Sorts the keys in place and moves the distinct ones to the front; returns how many there are.</summary>
    public static int SortDistinct(Span<ulong> keys)
    {
        if (keys.Length == 0)
        {
            return 0;
        }
        keys.Sort();
        var distinct = 1;
        for (var i = 1; i < keys.Length; i++)
        {
            if (keys[i] != keys[distinct - 1])
            {
                keys[distinct++] = keys[i];
            }
        }
        return distinct;
    }

    /// <summary>Writes sorted distinct keys as a key set.</summary>
    public static void Write(Stream output, ReadOnlySpan<ulong> sortedDistinct)
    {
        using var writer = new KeySetWriter(output);
        foreach (var key in sortedDistinct)
        {
            writer.Add(key);
        }
    }

    /// <summary>The encoded size of sorted distinct keys, without writing them.</summary>
    public static long EncodedLength(ReadOnlySpan<ulong> sortedDistinct)
    {
        long length = Magic.Length + CountLength;
        var previous = 0UL;
        foreach (var key in sortedDistinct)
        {
            length += VarintLength(key - previous);
            previous = key;
        }
        return length;
    }

    internal static void WritePaddedCount(Span<byte> destination, ulong count)
    {
        for (var i = 0; i < CountLength; i++)
        {
            destination[i] = (byte)((count & 0x7F) | (i < CountLength - 1 ? 0x80UL : 0));
            count >>= 7;
        }
    }

    private static int VarintLength(ulong value)
    {
        var length = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            length++;
        }
        return length;
    }
}
