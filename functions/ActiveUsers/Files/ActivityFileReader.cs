using System.IO.Compression;
using Etransactions.Functions.ActiveUsers.Intake;
using Etransactions.Functions.Core.Problems;

namespace Etransactions.Functions.ActiveUsers.Files;

/// <summary>
/// Reads an activity file, one event a line in gzip (<c>.ndjson.gz</c>), into <see cref="ActivityBuckets"/>:
/// good lines are counted, bad ones reported by line number (the first <see cref="MaxReported"/>), blank lines
/// skipped. Whenever <see cref="PartKeys"/> keys are held, the part is handed on, so a file of any size is
/// read in bounded memory.
/// </summary>
public sealed class ActivityFileReader(ActivityWindow window, long partKeys = ActivityFileReader.PartKeys)
{
    public const int MaxReported = 100;

    /// <summary>Keys held before a part is handed on: a million, 8 MB.</summary>
    public const long PartKeys = 1_000_000;

    /// <summary>The longest line read: an event is about 150 bytes.</summary>
    public const int MaxLineBytes = 4096;

    private readonly Dictionary<int, FieldError?> _monthChecks = [];

    public long Lines { get; private set; }

    public long Accepted { get; private set; }

    public long Rejected { get; private set; }

    public List<LineError> Errors { get; } = [];

    /// <summary>Reads the whole file; <paramref name="part"/> gets each full part, and the last one.</summary>
    /// <exception cref="InvalidDataException">The file is not gzip, or its compressed data is damaged.</exception>
    public async Task ReadAsync(Stream gzip, Func<ActivityBuckets, Task> part, CancellationToken cancellation)
    {
        await using var text = new GZipStream(gzip, CompressionMode.Decompress);
        await ReadTextAsync(text, part, cancellation);
    }

    /// <summary>Reads lines already decompressed, as <see cref="ReadAsync"/> does.</summary>
    public async Task ReadTextAsync(Stream text, Func<ActivityBuckets, Task> part, CancellationToken cancellation)
    {
        var buckets = new ActivityBuckets();
        var buffer = new byte[256 * 1024];
        var (start, end) = (0, 0);
        while (true)
        {
            if (start > 0)
            {
                buffer.AsSpan(start, end - start).CopyTo(buffer);
                (start, end) = (0, end - start);
            }
            var read = await text.ReadAsync(buffer.AsMemory(end), cancellation);
            end += read;
            while (true)
            {
                var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
                if (newline < 0)
                {
                    break;
                }
                Line(buffer.AsSpan(start, newline), buckets);
                start += newline + 1;
                if (buckets.Keys >= partKeys)
                {
                    await part(buckets);
                    buckets.Clear();
                }
            }
            if (read == 0)
            {
                if (start < end)
                {
                    Line(buffer.AsSpan(start, end - start), buckets);
                }
                break;
            }
            if (end - start >= MaxLineBytes)
            {
                // A line this long is no event: report it and read on from its end.
                Lines++;
                Reject(new FieldError(ActivityEventParser.Whole, $"The line is longer than {MaxLineBytes} bytes."));
                start = SkipToNextLine(buffer, start, ref end, text);
            }
        }
        await part(buckets);
    }

    private void Line(ReadOnlySpan<byte> line, ActivityBuckets buckets)
    {
        Lines++;
        line = line.TrimEnd((byte)'\r');
        if (line.Trim(" \t"u8).IsEmpty)
        {
            return;
        }
        if (!ActivityEventParser.TryParse(line, out var activity, out var problem) || (problem = Check(activity.At)) is not null)
        {
            Reject(problem!);
            return;
        }
        buckets.Add(activity);
        Accepted++;
    }

    /// <summary>The window's check, the month's part of it worked out once a month.</summary>
    private FieldError? Check(DateTimeOffset at)
    {
        if (at > window.Now + ActivityWindow.Skew)
        {
            return window.Check(at);
        }
        var vietnam = at.ToOffset(Core.VietnamTime.Offset);
        var month = (vietnam.Year * 12) + vietnam.Month;
        if (!_monthChecks.TryGetValue(month, out var check))
        {
            check = window.Check(at);
            _monthChecks[month] = check;
        }
        return check;
    }

    private void Reject(FieldError problem)
    {
        Rejected++;
        if (Errors.Count < MaxReported)
        {
            Errors.Add(new LineError(Lines, problem.Field, problem.Message));
        }
    }

    private static int SkipToNextLine(byte[] buffer, int start, ref int end, Stream text)
    {
        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                return start + newline + 1;
            }
            (start, end) = (0, text.Read(buffer, 0, buffer.Length));
            if (end == 0)
            {
                return 0;
            }
        }
    }
}

/// <summary>A line of an activity file that was not counted: its number (from 1), the field and why.</summary>
public sealed record LineError(long Line, string Field, string Message);
