using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Etransactions.IntegrationTests.Support;
using Etransactions.Local.Azurite;
using Etransactions.TestSupport.Platforms;

namespace Etransactions.IntegrationTests.Platforms.Api;

/// <summary>
/// The functions app run by the local host on an Azurite of its own (the platforms' tables have fixed names,
/// and the population figure in force is read across all of them), its clock started at a time the tests choose.
/// </summary>
public sealed class PlatformsApp : IAsyncDisposable
{
    /// <summary>The local regulator key of local.settings.sample.json.</summary>
    public const string Regulator = "local-development-regulator-key-not-for-azure";

    private readonly AzuriteServer _azurite;
    private readonly string _folder;

    private PlatformsApp(AzuriteServer azurite, string folder, AppHost app)
    {
        _azurite = azurite;
        _folder = folder;
        App = app;
        Api = new PlatformsApi(app.Http);
    }

    public AppHost App { get; }

    public PlatformsApi Api { get; }

    public string StorageConnectionString => _azurite.ConnectionString;

    public static async Task<PlatformsApp> StartAsync(DateTimeOffset clockStart)
    {
        var folder = TempFolder.Create("platforms");
        var azurite = await SharedAzurite.StartOwnAsync(Path.Combine(folder, "azurite"));
        var settings = new Dictionary<string, string> { ["LOCAL_CLOCK_START"] = clockStart.ToString("O", System.Globalization.CultureInfo.InvariantCulture) };
        var app = await AppHost.StartAsync(azurite.ConnectionString, AppHost.FunctionsProject, settings, Path.Combine(folder, "host"));
        return new PlatformsApp(azurite, folder, app);
    }

    /// <summary>Registers a platform (its name and website made unique by the caller) and returns its id and key.</summary>
    public async Task<(string Id, string Key)> RegisterAsync(string name, string website)
    {
        var reply = await Api.SendAsync(HttpMethod.Post, "/api/platforms", Regulator, PlatformSamples.Registration(name, website));
        Assert.True(reply.Status == 201, $"registering {name}: {reply.Status} {reply.Text}");
        return (reply.Json["id"]!.GetValue<string>(), reply.Json["apiKey"]!.GetValue<string>());
    }

    /// <summary>The app's time now, as the local host keeps it.</summary>
    public async Task<DateTimeOffset> NowAsync()
    {
        var clock = await App.Http.GetFromJsonAsync<JsonObject>(new Uri("admin/clock", UriKind.Relative), TestContext.Current.CancellationToken);
        return clock!["now"]!.GetValue<DateTimeOffset>();
    }

    /// <summary>Moves the app's clock (the local host's <c>POST /admin/clock</c>).</summary>
    public async Task MoveClockAsync(DateTimeOffset now)
    {
        using var moved = await App.Http.PostAsJsonAsync(new Uri("admin/clock", UriKind.Relative), new { now }, TestContext.Current.CancellationToken);
        moved.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await _azurite.DisposeAsync();
        TempFolder.Delete(_folder);
    }
}
