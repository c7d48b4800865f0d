namespace Etransactions.IntegrationTests.Platforms.Api;

/// <summary>The registry, keys and population tests share one app, its clock at 2 March 2026, 10:00 in Vietnam.</summary>
[CollectionDefinition(Name)]
public sealed class RegistryGroup : ICollectionFixture<RegistryApp>
{
    public const string Name = "platforms registry";
}

/// <summary>The statistics tests share one app, its clock at 5 January 2026, 10:00 in Vietnam: cycle 2026 is open.</summary>
[CollectionDefinition(Name)]
public sealed class StatisticsGroup : ICollectionFixture<StatisticsApp>
{
    public const string Name = "platforms statistics";
}

public sealed class RegistryApp() : SharedPlatformsApp(new DateTimeOffset(2026, 3, 2, 3, 0, 0, TimeSpan.Zero));

public sealed class StatisticsApp() : SharedPlatformsApp(new DateTimeOffset(2026, 1, 5, 3, 0, 0, TimeSpan.Zero));

public abstract class SharedPlatformsApp(DateTimeOffset clockStart) : IAsyncLifetime
{
    private PlatformsApp? _app;

    public PlatformsApp App => _app ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() => _app = await PlatformsApp.StartAsync(clockStart);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }
}
