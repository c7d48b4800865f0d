using Etransactions.Functions.Core.Clock;
using Microsoft.Extensions.Time.Testing;

namespace Etransactions.UnitTests.Core.Clock;

public sealed class LocalHostClockTests : IDisposable
{
    private static readonly DateTimeOffset SystemNow = new(2026, 1, 30, 10, 0, 0, TimeSpan.Zero);

    private readonly string _directory = Directory.CreateTempSubdirectory("clock-").FullName;
    private readonly FakeTimeProvider _system = new(SystemNow);

    private string ClockFile => Path.Combine(_directory, "clock");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void GetUtcNow_OffsetInFile_IsAddedToTheSystemClock()
    {
        WriteAsTheHostDoes("86400000");

        Assert.Equal(SystemNow.AddDays(1), new LocalHostClock(ClockFile, _system).GetUtcNow());
    }

    [Fact]
    public void GetUtcNow_NegativeOffset_MovesTheClockBack()
    {
        WriteAsTheHostDoes("-3600000\n");

        Assert.Equal(SystemNow.AddHours(-1), new LocalHostClock(ClockFile, _system).GetUtcNow());
    }

    [Fact]
    public void GetUtcNow_FileRewritten_IsPickedUpOnTheNextRead()
    {
        var clock = new LocalHostClock(ClockFile, _system);
        WriteAsTheHostDoes("1000");
        Assert.Equal(SystemNow.AddSeconds(1), clock.GetUtcNow());

        WriteAsTheHostDoes("2000");
        Assert.Equal(SystemNow.AddSeconds(2), clock.GetUtcNow());

        WriteAsTheHostDoes("172800000");
        Assert.Equal(SystemNow.AddDays(2), clock.GetUtcNow());
    }

    [Fact]
    public void GetUtcNow_RewrittenWithinOneFileTimeTick_IsPickedUp()
    {
        // Same length and the same write time, as two writes within one tick of a coarse file clock look.
        var clock = new LocalHostClock(ClockFile, _system);
        WriteAsTheHostDoes("1000");
        var written = File.GetLastWriteTimeUtc(ClockFile);
        Assert.Equal(SystemNow.AddSeconds(1), clock.GetUtcNow());

        WriteAsTheHostDoes("2000");
        File.SetLastWriteTimeUtc(ClockFile, written);

        Assert.Equal(SystemNow.AddSeconds(2), clock.GetUtcNow());
    }

    [Fact]
    public void GetUtcNow_FileUnchangedSinceLongAgo_IsNotReadAgain()
    {
        var clock = new LocalHostClock(ClockFile, _system);
        var longAgo = DateTime.UtcNow.AddHours(-1);
        WriteAsTheHostDoes("1000");
        File.SetLastWriteTimeUtc(ClockFile, longAgo);
        Assert.Equal(SystemNow.AddSeconds(1), clock.GetUtcNow());

        // Changed behind the stamp's back: the cached value stands, which shows the stamp decides.
        File.WriteAllText(ClockFile, "2000");
        File.SetLastWriteTimeUtc(ClockFile, longAgo);

        Assert.Equal(SystemNow.AddSeconds(1), clock.GetUtcNow());
    }

    [Fact]
    public void GetUtcNow_MissingOrEmptyFile_IsOffsetZero()
    {
        var clock = new LocalHostClock(ClockFile, _system);
        Assert.Equal(SystemNow, clock.GetUtcNow());

        WriteAsTheHostDoes("");
        Assert.Equal(SystemNow, clock.GetUtcNow());

        WriteAsTheHostDoes("5000");
        Assert.Equal(SystemNow.AddSeconds(5), clock.GetUtcNow());
        File.Delete(ClockFile);
        Assert.Equal(SystemNow, clock.GetUtcNow());
    }

    [Fact]
    public void GetUtcNow_SystemClockMoves_TheAppClockMovesWithIt()
    {
        WriteAsTheHostDoes("60000");
        var clock = new LocalHostClock(ClockFile, _system);

        _system.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(SystemNow.AddMinutes(6), clock.GetUtcNow());
    }

    [Fact]
    public void GetUtcNow_FileNotANumber_FailsNamingTheFile()
    {
        WriteAsTheHostDoes("tomorrow");

        var exception = Assert.Throws<InvalidOperationException>(() => new LocalHostClock(ClockFile, _system).GetUtcNow());
        Assert.Contains(ClockFile, exception.Message, StringComparison.Ordinal);
    }

    /// <summary>A temporary file renamed over the clock file, as the local host writes it.</summary>
    private void WriteAsTheHostDoes(string text)
    {
        var temporary = ClockFile + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, ClockFile, overwrite: true);
    }
}
