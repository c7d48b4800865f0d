using Etransactions.Local;
using Etransactions.Local.Azurite;
using Etransactions.Local.Processes;
using Microsoft.Extensions.Logging.Abstractions;

[assembly: AssemblyFixture(typeof(Etransactions.IntegrationTests.Support.SharedAzurite))]

namespace Etransactions.IntegrationTests.Support;

/// <summary>One Azurite for the whole run, on free ports and a fresh folder; tests use names of their own in it.</summary>
public sealed class SharedAzurite : IAsyncLifetime
{
    private AzuriteServer? _server;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"etransactions-tests-{Guid.NewGuid():N}");

    public string ConnectionString => _server?.ConnectionString ?? throw new InvalidOperationException("Azurite has not started.");

    public async ValueTask InitializeAsync() =>
        _server = await AzuriteServer.StartAsync(RepositoryRoot.Find(), _folder, AzuritePorts.Free, NullLogger.Instance, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        TempFolder.Delete(_folder);
    }

    /// <summary>A separate Azurite that a test may stop (the health check with storage down).</summary>
    public static Task<AzuriteServer> StartOwnAsync(string folder) =>
        AzuriteServer.StartAsync(RepositoryRoot.Find(), folder, AzuritePorts.Free, NullLogger.Instance, TestContext.Current.CancellationToken);
}
