using System.Globalization;

namespace Etransactions.Functions.Core.Clock;

/// <summary>
/// The system clock plus an offset that the local host writes to a file (one line: signed whole
/// milliseconds, invariant culture; written to a temporary file and renamed). A missing or empty file is
/// offset 0. The host moves the clock and at once runs a function, so the file is checked on every read:
/// its write time and length, and its text when either changed.
/// </summary>
public sealed class LocalHostClock(string path, TimeProvider system) : TimeProvider
{
    // File times have a coarse tick: two rewrites within one tick, of equal length, look alike. A stamp that
    // recent is not trusted, and the file is read again.
    private static readonly TimeSpan TrustedStampAge = TimeSpan.FromSeconds(2);

    private volatile Snapshot? _last;

    public string Path { get; } = path;

    public override DateTimeOffset GetUtcNow() => system.GetUtcNow().AddMilliseconds(OffsetMilliseconds());

    public override long GetTimestamp() => system.GetTimestamp();

    public override long TimestampFrequency => system.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => system.LocalTimeZone;

    /// <summary>The offset the file holds now.</summary>
    public long OffsetMilliseconds()
    {
        var file = new FileInfo(Path);
        if (!file.Exists)
        {
            return 0;
        }

        var stamp = (file.LastWriteTimeUtc, file.Length);
        var last = _last;
        // The file's time comes from the operating system's clock, so it is compared with that clock.
        if (last is not null && last.Stamp == stamp && DateTime.UtcNow - stamp.LastWriteTimeUtc > TrustedStampAge)
        {
            return last.Offset;
        }

        string text;
        try
        {
            text = File.ReadAllText(Path);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return 0;
        }

        var offset = Parse(text);
        _last = new Snapshot(stamp, offset);
        return offset;
    }

    private long Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return 0;
        }

        return long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var offset)
            ? offset
            : throw new InvalidOperationException(
                $"The local clock file {Path} must hold a signed whole number of milliseconds, not \"{trimmed}\".");
    }

    private sealed record Snapshot((DateTime LastWriteTimeUtc, long Length) Stamp, long Offset);
}
