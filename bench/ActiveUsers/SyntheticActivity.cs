using System.Buffers.Text;
using System.Text;

namespace Etransactions.Bench.ActiveUsers;

/// <summary>
/// Seeded activity of one platform, the same in every process: <c>events</c> NDJSON lines over the 30 days of
/// June 2026, the first <c>users</c> of them one per user (so exactly that many distinct users), the rest of
/// random users. A user's 64-hex id stands for the platform's HMAC: four SplitMix64 outputs of its number.
/// </summary>
internal sealed class SyntheticActivity(int users, long events, int seed = 42)
{
    public const int Days = 30;

    /// <summary>Where the user's hex starts in a line: after <c>{"user":"</c>.</summary>
    public const int UserOffset = 9;

    public int Users => users;

    public long Events => events;

    /// <summary>Fills <paramref name="buffer"/> with whole lines from event <paramref name="first"/> on; returns the bytes written and the next event.</summary>
    public (int Bytes, long Next) Fill(byte[] buffer, long first)
    {
        var used = 0;
        var next = first;
        var random = new Random(HashCode.Combine(seed, first));
        while (next < events && used + 160 <= buffer.Length)
        {
            var user = next < users ? (ulong)next : (ulong)random.Next(users);
            var day = 1 + random.Next(Days);
            var second = random.Next(86_400);
            used += Line(buffer.AsSpan(used), user, day, second);
            next++;
        }
        return (used, next);
    }

    private static int Line(Span<byte> line, ulong user, int day, int second)
    {
        var at = 0;
        Append(line, ref at, "{\"user\":\""u8);
        for (var part = 0UL; part < 4; part++)
        {
            Utf8Formatter.TryFormat(SplitMix(user * 4 + part), line[at..], out var written, new System.Buffers.StandardFormat('x', 16));
            at += written;
        }
        Append(line, ref at, "\",\"at\":\"2026-06-"u8);
        Two(line, ref at, day);
        line[at++] = (byte)'T';
        Two(line, ref at, second / 3600);
        line[at++] = (byte)':';
        Two(line, ref at, second / 60 % 60);
        line[at++] = (byte)':';
        Two(line, ref at, second % 60);
        Append(line, ref at, "+07:00\",\"kind\":\"access\",\"inVietnam\":true}\n"u8);
        return at;
    }

    private static void Append(Span<byte> line, ref int at, ReadOnlySpan<byte> text)
    {
        text.CopyTo(line[at..]);
        at += text.Length;
    }

    private static void Two(Span<byte> line, ref int at, int value)
    {
        line[at++] = (byte)('0' + (value / 10));
        line[at++] = (byte)('0' + (value % 10));
    }

    /// <summary>SplitMix64: a fast, well-mixed 64-bit function, standing for a keyed hash.</summary>
    internal static ulong SplitMix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    public static string Describe(int users, long events) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{events:N0} events of {users:N0} users over {Days} days");

    public static Encoding Text => Encoding.ASCII;
}
