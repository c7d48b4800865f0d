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
    }

    public AppHost App { get; private set; }

    public PlatformsApi Api => new(App.Http);

    public string StorageConnectionString => _azurite.ConnectionString;

    public static async Task<PlatformsApp> StartAsync(DateTimeOffset clockStart)
    {
        var folder = TempFolder.Create("platforms");
        var azurite = await SharedAzurite.StartOwnAsync(Path.Combine(folder, "azurite"));
        var app = await AppHost.StartAsync(azurite.ConnectionString, AppHost.FunctionsProject, ClockSettings(clockStart), Path.Combine(folder, "host"));
        return new PlatformsApp(azurite, folder, app);
    }

    /// <summary>
    /// Stops the app and starts it again as the same host (its id, storage, task hub, queues and data folder),
    /// its clock started at <paramref name="clockStart"/>: what an operator's restart does.
    /// </summary>
    public async Task RestartAsync(DateTimeOffset clockStart)
    {
        var names = new Dictionary<string, string>(App.Names);
        foreach (var (name, value) in ClockSettings(clockStart))
        {
            names[name] = value;
        }
        var hostId = App.Host.HostId;
        await App.DisposeAsync();
        App = await AppHost.StartAsync(_azurite.ConnectionString, AppHost.FunctionsProject, names, Path.Combine(_folder, "host"), hostId);
    }

    /// <summary>Registers a platform (its name and website made unique by the caller) and returns its id and key.</summary>
    public async Task<(string Id, string Key)> RegisterAsync(string name, string website, JsonObject? extra = null)
    {
        var reply = await Api.SendAsync(HttpMethod.Post, "/api/platforms", Regulator, PlatformSamples.Registration(name, website, extra));
        Assert.True(reply.Status == 201, $"registering {name}: {reply.Status} {reply.Text}");
        return (reply.Json["id"]!.GetValue<string>(), reply.Json["apiKey"]!.GetValue<string>());
    }

    /// <summary>Records the population figure of 2024 that the samples' shares are computed against (again is harmless).</summary>
    public async Task RecordPopulationAsync()
    {
        var figure = await Api.SendAsync(HttpMethod.Put, "api/population/2024", Regulator, PlatformSamples.Population());
        Assert.True(figure.Status is 200 or 201, figure.Text);
    }

    /// <summary>Runs a timer function now, as <c>POST /admin/functions/{name}</c> of the local host does.</summary>
    public async Task RunAsync(string function)
    {
        using var run = await App.Http.PostAsync(new Uri($"admin/functions/{function}", UriKind.Relative), null, TestContext.Current.CancellationToken);
        Assert.True(run.IsSuccessStatusCode, $"{function}: {(int)run.StatusCode} {await run.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
    }

    /// <summary>The platform's determination of cycle 2026 as the key's holder (the regulator unless given) reads it, once its status is <paramref name="status"/>.</summary>
    public Task<JsonObject> DeterminationWhenAsync(string platformId, string status, string key = Regulator) =>
        Eventually.GetAsync(async () =>
        {
            var reply = await Api.SendAsync(HttpMethod.Get, $"api/platforms/{platformId}/determinations/2026", key);
            return reply.Status == 200 && reply.Json["status"]?.GetValue<string>() == status ? reply.Json : null;
        }, $"the determination of {platformId} {status}", TimeSpan.FromSeconds(90), () => App.Log.Tail());

    /// <summary>The platform's notifications, oldest first.</summary>
    public async Task<IReadOnlyList<JsonObject>> NotificationsAsync(string platformId)
    {
        var reply = await Api.SendAsync(HttpMethod.Get, $"api/notifications?platformId={platformId}&limit=1000", Regulator);
        Assert.Equal(200, reply.Status);
        return [.. reply.Json["notifications"]!.AsArray().Select(notification => notification!.AsObject()).Reverse()];
    }

    /// <summary>The types of the platform's notifications (without <c>selfDetermination.</c>), once they are exactly <paramref name="types"/>.</summary>
    public Task<IReadOnlyList<string>> NoticesWhenAsync(string platformId, params string[] types) =>
        Eventually.GetAsync<IReadOnlyList<string>>(async () => (await NoticeTypesAsync(platformId)).SequenceEqual(types) ? types : null,
            $"notices {string.Join(", ", types)} of {platformId}", TimeSpan.FromSeconds(90), () => App.Log.Tail());

    public async Task<IReadOnlyList<string>> NoticeTypesAsync(string platformId) =>
        [.. (await NotificationsAsync(platformId)).Select(notification => notification["type"]!.GetValue<string>().Replace("selfDetermination.", "", StringComparison.Ordinal))];

    public static IReadOnlyList<string> TimelineTypes(JsonObject determination) =>
        [.. determination["timeline"]!.AsArray().Select(entry => entry!["type"]!.GetValue<string>())];

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

    private static Dictionary<string, string> ClockSettings(DateTimeOffset clockStart) =>
        new() { ["LOCAL_CLOCK_START"] = clockStart.ToString("O", System.Globalization.CultureInfo.InvariantCulture) };

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await _azurite.DisposeAsync();
        TempFolder.Delete(_folder);
    }
}
