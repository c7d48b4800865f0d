using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Etransactions.Local;
using Etransactions.Local.Triggers;

namespace Etransactions.IntegrationTests.Support;

/// <summary>
/// A functions app run by the local host in this test process, on the shared Azurite (or a given one),
/// with a task hub, containers and queues of its own, from the app's existing build output.
/// </summary>
public sealed class AppHost : IAsyncDisposable
{
    private readonly string _dataFolder;

    private readonly bool _deleteData;

    private AppHost(RunningHost host, HostLog log, string dataFolder, IReadOnlyDictionary<string, string> names, bool deleteData)
    {
        _deleteData = deleteData;
        Host = host;
        Log = log;
        _dataFolder = dataFolder;
        Names = names;
        Http = new HttpClient { BaseAddress = host.BaseUri, Timeout = TimeSpan.FromSeconds(100) };
    }

    public RunningHost Host { get; }

    public HostLog Log { get; }

    public HttpClient Http { get; }

    /// <summary>The unique names this host's app settings give (UPLOADS_CONTAINER, WORK_QUEUE, ...).</summary>
    public IReadOnlyDictionary<string, string> Names { get; }

    public static string TestAppProject => Path.Combine(RepositoryRoot.Find(), "tests", "TestApp", "TestApp.csproj");

    public static string FunctionsProject => Path.Combine(RepositoryRoot.Find(), "functions", "Functions.csproj");

    /// <param name="port">The public endpoint's port; 0 picks a free one. A restart on the same data keeps its issuer's address only on the same port.</param>
    public static async Task<AppHost> StartAsync(
        string storage, string? project = null, IReadOnlyDictionary<string, string>? settings = null, string? dataFolder = null, string? hostId = null, int port = 0, bool loadSamples = false)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var names = new Dictionary<string, string>
        {
            ["DURABLE_TASK_HUB"] = $"hub{id}",
            ["UPLOADS_CONTAINER"] = $"uploads-{id}",
            ["WORK_QUEUE"] = $"work-{id}",
            ["TEXT_QUEUE"] = $"text-{id}",
            ["RECEIVED_CONTAINER"] = $"received-{id}",
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            names[name] = value;
        }
        var log = new HostLog();
        var ownData = dataFolder is null;
        dataFolder ??= TempFolder.Create("host");
        var host = await StartRetryingAsync(() => RunningHost.StartAsync(new LocalHostOptions
        {
            RepositoryRoot = RepositoryRoot.Find(),
            AppProject = project ?? TestAppProject,
            Build = false,
            Port = port,
            DataDirectory = dataFolder,
            StorageConnectionString = storage,
            HostId = hostId ?? $"test-{id}",
            PollingInterval = TimeSpan.FromMilliseconds(200),
            SettingOverrides = names,
            LoadSamples = loadSamples,
        }, log.Configure, TestContext.Current.CancellationToken));
        return new AppHost(host, log, dataFolder, names, deleteData: ownData);
    }

    /// <summary>
    /// The host takes free loopback ports by asking the system for one and binding it a moment later; another
    /// process of a busy test run can take it in between. A start that lost that race is tried again.
    /// </summary>
    private static async Task<RunningHost> StartRetryingAsync(Func<Task<RunningHost>> start)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await start();
            }
            catch (IOException failure) when (attempt < 3 && failure.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
            }
        }
    }

    public BlobContainerClient Container(string settingName) => new(Host.StorageConnectionString, Names[settingName]);

    public QueueClient Queue(string settingName) => new(Host.StorageConnectionString, Names[settingName]);

    /// <summary>What the test app's function of this kind recorded, once at least so many records (that match) are there.</summary>
    public Task<IReadOnlyList<JsonObject>> ReceivedAsync(string kind, int atLeast = 1, TimeSpan? timeout = null, Func<JsonObject, bool>? match = null) =>
        Eventually.GetAsync<IReadOnlyList<JsonObject>>(async () =>
        {
            var container = Container("RECEIVED_CONTAINER");
            if (!await container.ExistsAsync(TestContext.Current.CancellationToken))
            {
                return null;
            }
            var found = new List<JsonObject>();
            await foreach (var blob in container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = kind + "/" }, TestContext.Current.CancellationToken))
            {
                var content = await container.GetBlobClient(blob.Name).DownloadContentAsync(TestContext.Current.CancellationToken);
                found.Add(JsonNode.Parse(content.Value.Content.ToString())!.AsObject());
            }
            return found.Count(match ?? (_ => true)) >= atLeast ? found : null;
        }, $"{atLeast} record(s) of {kind}", timeout, () => Log.Tail());

    /// <summary>The host's record of why an item of a function became poison, once written (the table comes with the first).</summary>
    public Task<TableEntity> PoisonEntryAsync(string function, string itemEnd) =>
        Eventually.GetAsync(async () =>
        {
            try
            {
                await foreach (var row in new TableClient(Host.StorageConnectionString, PoisonLog.Table)
                    .QueryAsync<TableEntity>(row => row.PartitionKey == function, cancellationToken: TestContext.Current.CancellationToken))
                {
                    if (row.GetString("Item").EndsWith(itemEnd, StringComparison.Ordinal))
                    {
                        return row;
                    }
                }
            }
            catch (Azure.RequestFailedException missing) when (missing.Status == 404)
            {
                // no poison yet
            }
            return null;
        }, "the poison entry", TimeSpan.FromSeconds(90), () => Log.Tail());

    /// <summary>The Durable status of an instance, from the host's webhook, once <paramref name="done"/> holds.</summary>
    public Task<JsonObject> StatusAsync(string instanceId, Func<JsonObject, bool> done, TimeSpan? timeout = null) =>
        Eventually.GetAsync<JsonObject>(async () =>
        {
            using var reply = await Http.GetAsync(new Uri($"runtime/webhooks/durabletask/instances/{instanceId}", UriKind.Relative), TestContext.Current.CancellationToken);
            if (!reply.IsSuccessStatusCode && (int)reply.StatusCode != 400)
            {
                return null;
            }
            var status = await reply.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
            return status is not null && done(status) ? status : null;
        }, $"instance {instanceId}", timeout ?? TimeSpan.FromSeconds(90), () => Log.Tail());

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
        if (_deleteData)
        {
            TempFolder.Delete(_dataFolder);
        }
    }
}
