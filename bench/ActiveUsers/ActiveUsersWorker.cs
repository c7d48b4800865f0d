using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Etransactions.Functions.ActiveUsers.Counting;
using Etransactions.Functions.ActiveUsers.Files;
using Etransactions.Functions.ActiveUsers.Intake;

namespace Etransactions.Bench.ActiveUsers;

/// <summary>
/// The child processes the active-users benchmark measures, one phase each, so that each peak memory is its
/// own. Each prints one JSON line.
/// </summary>
internal static class ActiveUsersWorker
{
    public const string Command = "active-users-worker";

    /// <summary>June 2026 is open: it closes on 4 July.</summary>
    private static readonly ActivityWindow Window = new(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.FromHours(7)), GraceDays: 3);

    public static async Task<int> RunAsync(string phase, int users, long events, string folder)
    {
        var clock = Stopwatch.StartNew();
        object report = phase switch
        {
            "generate" => Generate(users, events),
            "intake" => await IntakeAsync(users, events, folder),
            "baseline" => Baseline(users, events),
            "compact" => Compact(folder),
            "finalize" => Finalize(folder),
            "daysets" => DaySets(users, events, folder),
            _ => throw new ArgumentException($"No phase {phase}", nameof(phase)),
        };
        Console.WriteLine(JsonSerializer.Serialize(new { phase, seconds = clock.Elapsed.TotalSeconds, report }, BenchJson.Options));
        return 0;
    }

    /// <summary>The lines alone, made and split: what intake and baseline both spend before parsing.</summary>
    private static object Generate(int users, long events)
    {
        using var text = new GeneratedStream(new SyntheticActivity(users, events));
        long lines = 0;
        ForEachLine(text, _ => lines++);
        return new { lines };
    }

    /// <summary>The app's path: <see cref="ActivityFileReader"/> into buckets, each part's day chunks written as key sets.</summary>
    private static async Task<object> IntakeAsync(int users, long events, string folder)
    {
        using var text = new GeneratedStream(new SyntheticActivity(users, events));
        var reader = new ActivityFileReader(Window);
        var part = 0;
        await reader.ReadTextAsync(text, buckets =>
        {
            foreach (var (day, region, keys) in buckets.Days())
            {
                var directory = Directory.CreateDirectory(Path.Combine(folder, day)).FullName;
                using var chunk = File.Create(Path.Combine(directory, $"part{part:D4}-{region}.keys"));
                KeySet.Write(chunk, keys.Span);
            }
            part++;
            return Task.CompletedTask;
        }, CancellationToken.None);
        return new { reader.Lines, reader.Accepted, reader.Rejected, parts = part };
    }

    /// <summary>The naive count: the same parser and window, then a HashSet of the hex ids.</summary>
    private static object Baseline(int users, long events)
    {
        using var text = new GeneratedStream(new SyntheticActivity(users, events));
        var seen = new HashSet<string>();
        ForEachLine(text, line =>
        {
            if (ActivityEventParser.TryParse(line, out var activity, out _) && Window.Check(activity.At) is null && activity.InVietnam)
            {
                seen.Add(SyntheticActivity.Text.GetString(line.Slice(SyntheticActivity.UserOffset, UserKey.HexLength)));
            }
        });
        return new { count = seen.Count };
    }

    /// <summary>Each day's chunks merged into its day-set, as compactActivity does.</summary>
    private static object Compact(string folder)
    {
        long users = 0, bytes = 0;
        foreach (var day in Directory.GetDirectories(folder))
        {
            var chunks = Directory.GetFiles(day, "part*.keys");
            var streams = chunks.Select(File.OpenRead).ToList();
            var target = Path.Combine(day, "day.keys");
            using (var output = File.Create(target))
            using (var writer = new KeySetWriter(output))
            {
                foreach (var key in DistinctMerge.Keys([.. streams.Select((stream, i) => new KeySetReader(stream, chunks[i], 256 * 1024))]))
                {
                    writer.Add(key);
                }
                users += writer.Count;
            }
            streams.ForEach(stream => stream.Dispose());
            chunks.ToList().ForEach(File.Delete);
            bytes += new FileInfo(target).Length;
        }
        return new { userDays = users, bytes };
    }

    /// <summary>The month's exact count: a streaming merge of its day-sets.</summary>
    private static object Finalize(string folder)
    {
        var files = Directory.GetFiles(folder, "day.keys", SearchOption.AllDirectories);
        var streams = files.Select(File.OpenRead).ToList();
        try
        {
            return new { count = DistinctMerge.Count([.. streams.Select((stream, i) => new KeySetReader(stream, files[i], 256 * 1024))]), daySets = files.Length };
        }
        finally
        {
            streams.ForEach(stream => stream.Dispose());
        }
    }

    /// <summary>
    /// Day-sets made directly for a month of <paramref name="users"/> users and as many events per user as
    /// <paramref name="events"/> gives, each user active on a day with the chance those events give it.
    /// </summary>
    private static object DaySets(int users, long events, string folder)
    {
        var chance = 1 - Math.Exp(-(double)events / users / SyntheticActivity.Days);
        var random = new Random(7);
        var keys = new ulong[(int)(users * (chance + (1.0 / SyntheticActivity.Days)) * 1.1) + 1024];
        long userDays = 0;
        for (var day = 1; day <= SyntheticActivity.Days; day++)
        {
            var count = 0;
            for (var user = 0UL; user < (ulong)users; user++)
            {
                // Every user on one day at least (so the month has exactly that many), and on others by chance.
                if ((user % SyntheticActivity.Days == (ulong)(day - 1) || random.NextDouble() < chance) && count < keys.Length)
                {
                    keys[count++] = SyntheticActivity.SplitMix(user * 4);
                }
            }
            var distinct = KeySet.SortDistinct(keys.AsSpan(0, count));
            var directory = Directory.CreateDirectory(Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"2026-06-{day:D2}"))).FullName;
            using var output = File.Create(Path.Combine(directory, "day.keys"));
            KeySet.Write(output, keys.AsSpan(0, distinct));
            userDays += distinct;
        }
        return new { userDays };
    }

    private delegate void LineAction(ReadOnlySpan<byte> line);

    private static void ForEachLine(Stream text, LineAction action)
    {
        var buffer = new byte[256 * 1024];
        var (start, end) = (0, 0);
        while (true)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            (start, end) = (0, end - start);
            var read = text.Read(buffer, end, buffer.Length - end);
            end += read;
            int newline;
            while ((newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n')) >= 0)
            {
                action(buffer.AsSpan(start, newline));
                start += newline + 1;
            }
            if (read == 0)
            {
                return;
            }
        }
    }
}
