using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
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
    }

    public AppHost App { get; }

    public BlobContainerClient Scans { get; }

    public static async Task<ConversionApp> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var folder = TempFolder.Create("conversion");
        var azurite = await SharedAzurite.StartOwnAsync(Path.Combine(folder, "azurite"));
        var app = await AppHost.StartAsync(azurite.ConnectionString, AppHost.FunctionsProject, settings, Path.Combine(folder, "host"));
        return new ConversionApp(azurite, folder, app);
    }

    /// <summary>Uploads a scan as a clerk would: under <c>scans/{agency}/</c>, the values percent-encoded.</summary>
    public async Task<string> UploadAsync(string agency, string name, byte[] bytes, IDictionary<string, string>? metadata = null)
    {
        await Scans.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        var encoded = (metadata ?? new Dictionary<string, string>()).ToDictionary(pair => pair.Key, pair => Uri.EscapeDataString(pair.Value));
        await Scans.GetBlobClient($"{agency}/{name}").UploadAsync(BinaryData.FromBytes(bytes), new BlobUploadOptions { Metadata = encoded }, TestContext.Current.CancellationToken);
        return $"scans/{agency}/{name}";
    }

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
    private ConversionApp? _app;

    public ConversionApp App => _app ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() => _app = await ConversionApp.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
