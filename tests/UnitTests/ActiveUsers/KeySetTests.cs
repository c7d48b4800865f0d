using Etransactions.Functions.ActiveUsers.Counting;

namespace Etransactions.UnitTests.ActiveUsers;

public sealed class KeySetTests
{
    [Fact]
    public void Keys_written_are_read_back_in_order_with_their_count()
    {
        ulong[] keys = [0, 1, 127, 128, 16_383, 16_384, 0x7FFF_FFFF_FFFF_FFFF, ulong.MaxValue - 1, ulong.MaxValue];
        using var stream = new MemoryStream();

        KeySet.Write(stream, keys);

        Assert.Equal(KeySet.EncodedLength(keys), stream.Length);
        stream.Position = 0;
        var reader = new KeySetReader(stream, "test", bufferSize: 3);
        Assert.Equal(keys.Length, reader.Count);
        Assert.Equal(keys, Read(reader));
    }

    [Fact]
    public void An_empty_set_is_a_header_alone()
    {
        using var stream = new MemoryStream();
        KeySet.Write(stream, []);

        Assert.Equal(KeySet.Magic.Length + KeySet.CountLength, stream.Length);
        stream.Position = 0;
        Assert.Empty(Read(new KeySetReader(stream, "empty")));
    }

    [Fact]
    public void Sort_distinct_keeps_each_key_once_in_ascending_order()
    {
        ulong[] keys = [5, 3, 5, 9, 3, 3, 0, 9];

        var distinct = KeySet.SortDistinct(keys);

        Assert.Equal([0UL, 3, 5, 9], keys[..distinct]);
        Assert.Equal(0, KeySet.SortDistinct([]));
    }

    [Fact]
    public void Uniform_keys_take_about_six_bytes_each_at_a_million()
    {
        var random = new Random(7);
        var keys = new ulong[1_000_000];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = (ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63);
        }
        var distinct = KeySet.SortDistinct(keys);

        var bytesPerKey = (double)KeySet.EncodedLength(keys.AsSpan(0, distinct)) / distinct;

        Assert.InRange(bytesPerKey, 5.5, 7.0);
    }

    [Fact]
    public void Keys_out_of_order_or_repeated_are_refused_when_written()
    {
        using var stream = new MemoryStream();
        using var writer = new KeySetWriter(stream);
        writer.Add(10);

        Assert.Throws<InvalidOperationException>(() => writer.Add(10));
        Assert.Throws<InvalidOperationException>(() => writer.Add(9));
    }

    [Theory]
    [InlineData("not a set at all")]
    [InlineData("AUK")]
    public void What_is_not_a_key_set_is_refused_by_name(string content)
    {
        using var stream = new MemoryStream(System.Text.Encoding.ASCII.GetBytes(content));

        var error = Assert.Throws<InvalidDataException>(() => new KeySetReader(stream, "p/2026-01/x.keys"));

        Assert.Contains("p/2026-01/x.keys", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_set_is_refused_when_its_end_is_reached()
    {
        using var stream = new MemoryStream();
        KeySet.Write(stream, [1UL << 40, 2UL << 40, 3UL << 40]);
        using var cut = new MemoryStream(stream.ToArray()[..^3]);
        var reader = new KeySetReader(cut, "cut");

        var error = Assert.Throws<InvalidDataException>(() => Read(reader));

        Assert.Contains("ends after", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_merge_counts_keys_shared_between_sets_once()
    {
        var random = new Random(11);
        var sets = Enumerable.Range(0, 30).Select(_ => Enumerable.Range(0, 2_000).Select(_ => (ulong)random.Next(20_000) << 44).ToArray()).ToList();
        var expected = sets.SelectMany(set => set).Distinct().Order().ToList();

        var readers = sets.Select((keys, i) =>
        {
            var distinct = KeySet.SortDistinct(keys);
            var stream = new MemoryStream();
            KeySet.Write(stream, keys.AsSpan(0, distinct));
            stream.Position = 0;
            return new KeySetReader(stream, $"day {i}");
        }).ToList();

        Assert.Equal(expected, DistinctMerge.Keys(readers));
    }

    [Fact]
    public void Counting_no_sets_or_empty_sets_gives_zero()
    {
        Assert.Equal(0, DistinctMerge.Count([]));
        using var empty = new MemoryStream();
        KeySet.Write(empty, []);
        empty.Position = 0;
        Assert.Equal(0, DistinctMerge.Count([new KeySetReader(empty, "empty")]));
    }

    private static List<ulong> Read(KeySetReader reader)
    {
        var keys = new List<ulong>();
        while (reader.TryRead(out var key))
        {
            keys.Add(key);
        }
        return keys;
    }
}
