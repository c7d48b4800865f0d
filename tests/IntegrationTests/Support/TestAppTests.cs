namespace Etransactions.IntegrationTests.Support;

/// <summary>Tests that share one run of the test app on the shared Azurite; each uses ids of its own.</summary>
[CollectionDefinition(Name)]
public sealed class TestAppTests : ICollectionFixture<SharedTestApp>
{
    public const string Name = "test app";
}

public sealed class SharedTestApp(SharedAzurite azurite) : IAsyncLifetime
{
    private AppHost? _app;

    public AppHost App => _app ?? throw new InvalidOperationException("The test app has not started.");

    public async ValueTask InitializeAsync() => _app = await AppHost.StartAsync(azurite.ConnectionString);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
