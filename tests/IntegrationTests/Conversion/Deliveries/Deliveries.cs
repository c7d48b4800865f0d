using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Etransactions.Functions.Conversion;
using Etransactions.Functions.Conversion.Documents.Ocr;
using Etransactions.Functions.Conversion.Storage;
using Etransactions.Functions.Core;
using Etransactions.IntegrationTests.Conversion.Pdf;
using Etransactions.IntegrationTests.Support;
using Etransactions.Local.Azurite;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Etransactions.IntegrationTests.Conversion.Deliveries;

/// <summary>
/// An Azurite that no host polls, for tests that deliver uploads to the conversion themselves: as often, as
/// concurrently and with the OCR engine and clock they choose. The conversion's containers and tables have
/// fixed names; each test uploads under an agency code of its own.
/// </summary>
public sealed class DeliveriesAzurite : IAsyncLifetime
{
    private readonly string _folder = TempFolder.Create("deliveries");
    private AzuriteServer? _azurite;

    public string ConnectionString => _azurite?.ConnectionString ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() => _azurite = await SharedAzurite.StartOwnAsync(_folder);

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
        TempFolder.Delete(_folder);
    }
}

[CollectionDefinition(Name)]
public sealed class DeliveryTests : ICollectionFixture<DeliveriesAzurite>
{
    public const string Name = "conversion deliveries";
}

/// <summary>
/// The conversion as the blob trigger runs it: <see cref="ScanConverter"/> from the app's own registrations
/// (Program.cs's AddCore and AddConversion) on real storage, with a scripted OCR engine, a clock the test
/// moves and a record of every storage request.
/// </summary>
internal sealed class Deliveries : IDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 3, 14, 2, 5, 9, TimeSpan.Zero);

    private readonly ServiceProvider _services;
    private readonly string _storage;

    private Deliveries(string storage, IReadOnlyDictionary<string, string>? settings)
    {
        _storage = storage;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = storage,
                ["DURABLE_TASK_HUB"] = "deliveries",
                ["CONVERSION_VERIFY_URL_BASE"] = "https://dvc.example.gov.vn/verify",
            })
            .AddInMemoryCollection(settings?.Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value)) ?? [])
            .Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IOcrEngine>(Ocr);
        services.AddCore(configuration).AddConversion(configuration);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddAzureClients(clients => clients.ConfigureDefaults(options => options.AddPolicy(Requests, HttpPipelinePosition.PerCall)));
        _services = services.BuildServiceProvider();
        Converter = _services.GetRequiredService<ScanConverter>();
        Registry = _services.GetRequiredService<ConversionRegistry>();
        Scans = new BlobContainerClient(storage, "scans");
        Output = new BlobContainerClient(storage, ConversionStore.DataMessagesContainer);
        DataMessages = new TableClient(storage, ConversionRegistry.DataMessagesTable);
    }

    /// <summary>Reads like a perfect OCR engine unless the test makes it fail or wait.</summary>
    public ScriptedOcr Ocr { get; } = new(new KnownWordsOcr(TestPaper.Sample(3).Words));

    public FakeTimeProvider Clock { get; } = new(Start);

    public StorageRequests Requests { get; } = new();

    public ScanConverter Converter { get; }

    public ConversionRegistry Registry { get; }

    public BlobContainerClient Scans { get; }

    public BlobContainerClient Output { get; }

    public TableClient DataMessages { get; }

    /// <summary>A fresh agency code: the tests share the conversion's containers and tables.</summary>
    public string Agency { get; } = Pipeline.ConversionApp.NewAgency();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static Deliveries On(DeliveriesAzurite azurite, IReadOnlyDictionary<string, string>? settings = null) => new(azurite.ConnectionString, settings);

    /// <summary>Uploads under <c>scans/{Agency}/{name}</c>, values percent-encoded as the contract asks; returns the blob path.</summary>
    public Task<string> UploadAsync(string name, byte[] bytes, IDictionary<string, string>? metadata = null) =>
        UploadAtAsync($"{Agency}/{name}", bytes, metadata);

    /// <summary>Uploads as <c>scans/{nameInContainer}</c>, anywhere in the container; returns the blob path.</summary>
    public async Task<string> UploadAtAsync(string nameInContainer, byte[] bytes, IDictionary<string, string>? metadata = null)
    {
        await Scans.CreateIfNotExistsAsync(cancellationToken: Cancellation);
        var encoded = (metadata ?? new Dictionary<string, string> { ["converter"] = "Ủy ban nhân dân phường Tràng Tiền" })
            .ToDictionary(pair => pair.Key, pair => Uri.EscapeDataString(pair.Value));
        await Scans.GetBlobClient(nameInContainer).UploadAsync(BinaryData.FromBytes(bytes), new BlobUploadOptions { Metadata = encoded }, Cancellation);
        return $"scans/{nameInContainer}";
    }

    /// <summary>One delivery of the blob, as the trigger (or, with <paramref name="isRetry"/>, the retry queue) makes it.</summary>
    public Task<ConversionOutcome> DeliverAsync(string blobPath, bool isRetry = false) => Converter.ConvertAsync(blobPath, isRetry, Cancellation);

    public async Task<ConversionRecord> RecordAsync(string blobPath) =>
        await Registry.GetConversionAsync(blobPath, Cancellation) ?? throw new InvalidOperationException($"No record of {blobPath}.");

    /// <summary>The upload's bytes as they are now in storage.</summary>
    public async Task<byte[]> UploadedAsync(string blobPath) =>
        (await Scans.GetBlobClient(blobPath["scans/".Length..]).DownloadContentAsync(Cancellation)).Value.Content.ToArray();

    /// <summary>Rows of <c>datamessages</c> that belong to a message.</summary>
    public Task<int> DataMessageRowsAsync(string messageId) => Pipeline.ConversionApp.DataMessageRowsAsync(_storage, messageId);

    /// <summary>A file stored in <c>data-messages</c>, by its name there.</summary>
    public async Task<byte[]> StoredAsync(string name) =>
        (await Output.GetBlobClient(name).DownloadContentAsync(Cancellation)).Value.Content.ToArray();

    /// <summary>Names of the files stored for this test's agency in <c>data-messages</c>.</summary>
    public async Task<IReadOnlyList<string>> StoredFilesAsync()
    {
        if (!await Output.ExistsAsync(Cancellation))
        {
            return [];
        }
        var names = new List<string>();
        await foreach (var blob in Output.GetBlobsAsync(new GetBlobsOptions { Prefix = Agency + "/" }, Cancellation))
        {
            names.Add(blob.Name);
        }
        return names;
    }

    public void Dispose() => _services.Dispose();
}
