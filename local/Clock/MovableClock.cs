namespace Etransactions.Local.Clock;

/// <summary>
/// The app's clock in a local run: real time plus an offset that `POST /admin/clock` sets, shared with the
/// worker through a file (ETRANSACTIONS_LOCAL_CLOCK_FILE) so the app and the timers read the same time.
/// Durable timers keep real time: the law's deadlines are data that timers on this clock check.
/// </summary>
public sealed class MovableClock : TimeProvider
{
    private readonly Lock _lock = new();
    private TimeSpan _offset;
    private volatile TaskCompletionSource _moved = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public MovableClock(string file, DateTimeOffset? start)
    {
        File = file;
        _offset = start is { } at ? at - System.GetUtcNow() : TimeSpan.Zero;
        Write();
    }

    /// <summary>The file the worker reads the offset from.</summary>
    public string File { get; }
    public TimeSpan Offset => _offset;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;

    /// <summary>Completes the next time the clock is moved (timers then work out their next run again).</summary>
    public Task Moved => _moved.Task;

    public void MoveTo(DateTimeOffset now)
    {
        lock (_lock)
        {
            _offset = now - System.GetUtcNow();
            Write();
            Interlocked.Exchange(ref _moved, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }

    private void Write()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(File)!);
        var temporary = File + ".tmp";
        global::System.IO.File.WriteAllText(temporary, ((long)_offset.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
        global::System.IO.File.Move(temporary, File, overwrite: true);
    }
}
