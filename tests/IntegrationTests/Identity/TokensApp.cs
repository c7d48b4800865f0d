using Etransactions.IntegrationTests.Support;

namespace Etransactions.IntegrationTests.Identity;

/// <summary>The functions app run by the local host, whose development provider issues the tokens it accepts.</summary>
public sealed class TokensApp(SharedAzurite azurite) : IAsyncLifetime
{
    private AppHost? _app;

    public AppHost App => _app ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() => _app = await AppHost.StartAsync(azurite.ConnectionString, AppHost.FunctionsProject);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
