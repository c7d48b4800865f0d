using Etransactions.Functions.Core.Clock;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace Etransactions.UnitTests.Core.Clock;

public class AppClockTests
{
    private readonly FakeTimeProvider _system = new(new DateTimeOffset(2026, 1, 30, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Create_NoLocalHostMarker_IsTheSystemClockEvenWithAClockFile()
    {
        var clock = AppClock.Create(Configuration((AppClock.ClockFileVariable, "/tmp/any-clock")), _system);

        Assert.Same(_system, clock);
    }

    [Fact]
    public void Create_MarkerNotTrue_IsTheSystemClock()
    {
        var clock = AppClock.Create(Configuration((AppClock.LocalHostMarker, "false"), (AppClock.ClockFileVariable, "/tmp/any-clock")), _system);

        Assert.Same(_system, clock);
    }

    [Fact]
    public void Create_InsideTheLocalHost_ReadsTheClockFile()
    {
        var clock = AppClock.Create(Configuration((AppClock.LocalHostMarker, "true"), (AppClock.ClockFileVariable, "/tmp/any-clock")), _system);

        Assert.Equal("/tmp/any-clock", Assert.IsType<LocalHostClock>(clock).Path);
    }

    [Fact]
    public void Create_InsideTheLocalHostWithoutAClockFile_IsTheSystemClock()
    {
        Assert.Same(_system, AppClock.Create(Configuration((AppClock.LocalHostMarker, "true")), _system));
    }

    [Fact]
    public void Create_NothingSet_IsTimeProviderSystem()
    {
        Assert.Same(TimeProvider.System, AppClock.Create(Configuration()));
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(value => KeyValuePair.Create(value.Key, (string?)value.Value))).Build();
}
