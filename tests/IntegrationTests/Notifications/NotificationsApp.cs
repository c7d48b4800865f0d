using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Etransactions.Functions.ApiKeys;
using Etransactions.Functions.Core.Storage;
using Etransactions.Functions.Notifications;
using Etransactions.IntegrationTests.Support;

namespace Etransactions.IntegrationTests.Notifications;

[CollectionDefinition(Name)]
public sealed class NotificationsAppTests : ICollectionFixture<NotificationsApp>
{
    public const string Name = "notifications app";
}

/// <summary>
/// The functions app run by the local host on the shared Azurite, with the notification store and the key
/// store on the same storage: the tests record notifications and issue platform keys there, as the
/// platforms capability will, and read them back through the API.
/// </summary>
public sealed class NotificationsApp(SharedAzurite azurite) : IAsyncLifetime
{
    /// <summary>REGULATOR_API_KEY of local.settings.sample.json, which the local host gives the app.</summary>
    public const string RegulatorKey = "local-development-regulator-key-not-for-azure";

    private AppHost? _app;
    private AppTables? _tables;

    public AppHost App => _app ?? throw new InvalidOperationException("Not started.");

    public NotificationStore Store => new(_tables ?? throw new InvalidOperationException("Not started."));

    public ApiKeyStore Keys => new(_tables ?? throw new InvalidOperationException("Not started."), TimeProvider.System);

    public async ValueTask InitializeAsync()
    {
        _app = await AppHost.StartAsync(azurite.ConnectionString, AppHost.FunctionsProject);
        _tables = new AppTables(new TableServiceClient(_app.Host.StorageConnectionString));
    }

    /// <summary>A new key for the platform, as its registration would issue it.</summary>
    public async Task<string> PlatformKeyAsync(string platformId) =>
        (await Keys.IssueAsync(ApiKey.PlatformPrefix, platformId, TestContext.Current.CancellationToken)).Key;

    public async Task<(HttpResponseMessage Reply, JsonObject? Body)> GetAsync(string path, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (key is not null)
        {
            request.Headers.Add(ApiKeyAuthenticator.Header, key);
        }
        var reply = await App.Http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = reply.Content.Headers.ContentLength is 0 ? null : await reply.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        return (reply, body);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
