using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Etransactions.Functions.Conversion.Storage;
using Etransactions.Functions.Core.Storage;
using Etransactions.IntegrationTests.Support;
using Etransactions.Local.Azurite;

namespace Etransactions.IntegrationTests.Conversion.Pipeline;

/// <summary>
/// The functions app run by the local host on an Azurite of its own (the containers and tables of the
/// conversion have fixed names, and no other host may poll them), with the settings a test gives.
/// </summary>
public sealed class ConversionApp : IAsyncDisposable
{
    private readonly AzuriteServer _azurite;
    private readonly string _folder;

    private ConversionApp(AzuriteServer azurite, string folder, AppHost app)
    {
        _azurite = azurite;
        _folder = folder;
        App = app;
        Scans = new BlobContainerClient(azurite.ConnectionString, "scans");
        Output = new BlobContainerClient(azurite.ConnectionString, ConversionStore.DataMessagesContainer);
        Registry = new ConversionRegistry(new AppTables(new TableServiceClient(azurite.ConnectionString)));
    }

    public AppHost App { get; }

    public BlobContainerClient Scans { get; }

    /// <summary>The container <c>data-messages</c>, where the PDFs and manifests are stored.</summary>
    public BlobContainerClient Output { get; }

    /// <summary>The app's registry on the app's storage, to read what the status API does not show (the blob version handled).</summary>
    public ConversionRegistry Registry { get; }

    public string StorageConnectionString => _azurite.ConnectionString;

    public static async Task<ConversionApp> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var folder = TempFolder.Create("conversion");
        var azurite = await SharedAzurite.StartOwnAsync(Path.Combine(folder, "azurite"));
        var app = await AppHost.StartAsync(azurite.ConnectionString, AppHost.FunctionsProject, settings, Path.Combine(folder, "host"));
        return new ConversionApp(azurite, folder, app);
    }

    /// <summary>Uploads a scan as a clerk would: under <c>scans/{agency}/</c>, the values percent-encoded.</summary>
    public Task<string> UploadAsync(string agency, string name, byte[] bytes, IDictionary<string, string>? metadata = null) =>
        UploadRawAsync($"{agency}/{name}", bytes, (metadata ?? new Dictionary<string, string>()).ToDictionary(pair => pair.Key, pair => Uri.EscapeDataString(pair.Value)));

    /// <summary>Uploads as <c>scans/{nameInContainer}</c> with the metadata exactly as given, as a careless client might.</summary>
    public async Task<string> UploadRawAsync(string nameInContainer, byte[] bytes, IDictionary<string, string> metadata)
    {
        await Scans.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        await Scans.GetBlobClient(nameInContainer).UploadAsync(BinaryData.FromBytes(bytes), new BlobUploadOptions { Metadata = metadata }, TestContext.Current.CancellationToken);
        return $"scans/{nameInContainer}";
    }

    /// <summary>Uploads an electronic document under <c>documents/{agency}/</c>, the metadata percent-encoded.</summary>
    public async Task<string> UploadDocumentAsync(string agency, string name, byte[] bytes, IDictionary<string, string> metadata)
    {
        var documents = new BlobContainerClient(StorageConnectionString, "documents");
        await documents.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        var encoded = metadata.ToDictionary(pair => pair.Key, pair => Uri.EscapeDataString(pair.Value));
        await documents.GetBlobClient($"{agency}/{name}").UploadAsync(BinaryData.FromBytes(bytes), new BlobUploadOptions { Metadata = encoded }, TestContext.Current.CancellationToken);
        return $"documents/{agency}/{name}";
    }

    /// <summary>The files stored in <c>data-messages</c> for an agency.</summary>
    public async Task<IReadOnlyList<string>> StoredFilesAsync(string agency)
    {
        var names = new List<string>();
        if (await Output.ExistsAsync(TestContext.Current.CancellationToken))
        {
            await foreach (var blob in Output.GetBlobsAsync(new GetBlobsOptions { Prefix = agency + "/" }, TestContext.Current.CancellationToken))
            {
                names.Add(blob.Name);
            }
        }
        return names;
    }

    /// <summary>Rows of the table <c>datamessages</c> that belong to a message: one per data message, whatever the deliveries.</summary>
    public static async Task<int> DataMessageRowsAsync(string storage, string messageId)
    {
        var rows = 0;
        var table = new TableClient(storage, ConversionRegistry.DataMessagesTable);
        await foreach (var _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"MessageId eq {messageId}"), cancellationToken: TestContext.Current.CancellationToken))
        {
            rows++;
        }
        return rows;
    }

    /// <summary>A stored file of <c>data-messages</c>, byte for byte.</summary>
    public async Task<byte[]> StoredAsync(string name) =>
        (await Output.GetBlobClient(name).DownloadContentAsync(TestContext.Current.CancellationToken)).Value.Content.ToArray();

    /// <summary>The upload's status once it is <paramref name="final"/> (converted, rejected or failed by default).</summary>
    public Task<JsonObject> SettledAsync(string blob, Func<JsonObject, bool>? final = null, TimeSpan? timeout = null) =>
        Eventually.GetAsync(async () =>
        {
            using var reply = await App.Http.GetAsync(new Uri($"api/conversions?blob={Uri.EscapeDataString(blob)}", UriKind.Relative), TestContext.Current.CancellationToken);
            if (!reply.IsSuccessStatusCode)
            {
                return null;
            }
            var status = await reply.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
            var done = final ?? (s => s["status"]!.GetValue<string>() is "converted" or "rejected" or "failed");
            return done(status!) ? status : null;
        }, $"the conversion of {blob}", timeout ?? TimeSpan.FromSeconds(120), () => App.Log.Tail());

    public static string NewAgency() => $"T{Guid.NewGuid():N}"[..20].ToUpperInvariant();

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await _azurite.DisposeAsync();
        TempFolder.Delete(_folder);
    }
}

[CollectionDefinition(Name)]
public sealed class ConversionTests : ICollectionFixture<SharedConversionApp>
{
    public const string Name = "conversion";
}

public sealed class SharedConversionApp : IAsyncLifetime
{
    /// <summary>SCAN_MAX_BYTES of the shared app: above every test scan, low enough for a test to upload more.</summary>
    public const int MaxBytes = 8 * 1024 * 1024;

    private ConversionApp? _app;

    public ConversionApp App => _app ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() =>
        _app = await ConversionApp.StartAsync(new Dictionary<string, string> { ["SCAN_MAX_BYTES"] = $"{MaxBytes}" });

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
