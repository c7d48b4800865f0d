using System.Text.Json;
using Azure.Core;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Etransactions.Functions.Core;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Platforms;
using Etransactions.Functions.Platforms.Determinations;
using Etransactions.Functions.Platforms.Domain;
using Etransactions.Functions.Platforms.Registry;
using Etransactions.Functions.Publication;
using Etransactions.Functions.Publication.Publishing;
using Etransactions.Functions.Publication.Versions;
using Etransactions.TestSupport.Platforms;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Etransactions.IntegrationTests.Publication;

/// <summary>
/// The publication as its timer runs it: <see cref="LargePlatformPublisher"/> from the app's own registrations
/// (AddCore, AddPlatforms, AddPublication) on real storage, with a clock the test moves and storage faults it
/// sets. Platforms and their determined cycles are written with the platforms' own stores, as the
/// self-determination leaves them.
/// </summary>
internal sealed class Publishing : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 2, 10, 18, 0, 0, TimeSpan.Zero);

    private static readonly PopulationFigure Population = new(
        2024, 1, PlatformSamples.PopulationValue, PlatformSamples.PopulationSource, new DateOnly(2025, 1, 6), new DateTimeOffset(2025, 1, 7, 2, 0, 0, TimeSpan.Zero));

    private readonly ServiceProvider _services;

    /// <param name="faults">Shared with another instance, for runs of two app instances that meet at a write.</param>
    /// <param name="clockStart">The instance's clock; <see cref="Start"/> unless given.</param>
    public Publishing(string storage, StorageFaults? faults = null, DateTimeOffset? clockStart = null)
    {
        Faults = faults ?? new StorageFaults();
        Clock = new FakeTimeProvider(clockStart ?? Start);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = storage, ["DURABLE_TASK_HUB"] = "publication" })
            .Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddCore(configuration).AddPlatforms(configuration).AddPublication(configuration);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddAzureClients(clients => clients.ConfigureDefaults(options => options.AddPolicy(Faults, HttpPipelinePosition.PerCall)));
        _services = services.BuildServiceProvider();
        Lists = new BlobContainerClient(storage, PublishedLists.Container);
    }

    public FakeTimeProvider Clock { get; }

    public StorageFaults Faults { get; }

    public BlobContainerClient Lists { get; }

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public Task<PublicationOutcome> PublishAsync() => _services.GetRequiredService<LargePlatformPublisher>().PublishAsync(Cancellation);

    /// <summary>Registers an intermediary platform (or not) and returns its id.</summary>
    public async Task<string> RegisterAsync(string name, bool intermediary = true)
    {
        var id = Guid.NewGuid().ToString();
        var slug = new string([.. name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);
        var registration = new PlatformRegistration(
            name, new Administrator($"Công ty Cổ phần {name}", "Việt Nam", new FocalPoint("Trần Văn Bình", "binh@example.vn", "+84 28 3822 0000", "Hà Nội")),
            $"https://{slug}-{id[..8]}.example.vn", intermediary, new DateOnly(2019, 1, 1));
        await _services.GetRequiredService<PlatformStore>().RegisterAsync(id, registration, Clock.GetUtcNow(), Cancellation);
        return id;
    }

    /// <summary>Records a determined cycle of the platform with the average monthly users given, as the self-determination does once the Ministry has reviewed it.</summary>
    public async Task DetermineAsync(string platformId, decimal users, int cycle = 2026, bool intermediary = true)
    {
        var months = PlatformSamples.Months($"{cycle - 1}-01", users)
            .Select(month => new MonthlyUsers(month!["month"]!.GetValue<string>(), month["activeUsers"]!.GetValue<decimal>())).ToList();
        await _services.GetRequiredService<DeterminationStore>().SaveAsync(new DeterminationRecord
        {
            PlatformId = platformId,
            Cycle = cycle,
            InstanceId = $"selfdet-{platformId}-{cycle}",
            Status = DeterminationStatus.Determined,
            Deadline = Cycles.DeadlineFor(cycle),
            StartedAt = new DateTimeOffset(cycle, 1, 1, 0, 0, 0, TimeSpan.Zero),
            StartedBy = StartedBy.Timer,
            RunId = "run",
            UpdatedAt = Clock.GetUtcNow(),
            Classification = Classifier.Classify(months, Population, intermediary),
        }, Cancellation);
    }

    /// <summary>A registered platform, determined: the usual set-up.</summary>
    public async Task<string> AddAsync(string name, decimal users)
    {
        var id = await RegisterAsync(name);
        await DetermineAsync(id, users);
        return id;
    }

    public async Task<ListIndex?> IndexAsync() =>
        await ReadAsync("large-platforms/index.json") is { } json ? JsonSerializer.Deserialize<ListIndex>(json, AppJson.Options) : null;

    public async Task<ListDocument> DocumentAsync(int version) =>
        JsonSerializer.Deserialize<ListDocument>((await ReadAsync($"large-platforms/v{version}.json"))!, AppJson.Options)!;

    public async Task<byte[]?> ReadAsync(string name)
    {
        var blob = Lists.GetBlobClient(name);
        return await blob.ExistsAsync(Cancellation) ? (await blob.DownloadContentAsync(Cancellation)).Value.Content.ToArray() : null;
    }

    /// <summary>Every blob in the container with its ETag: what a run wrote or replaced.</summary>
    public async Task<IReadOnlyDictionary<string, string>> BlobsAsync()
    {
        var blobs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (await Lists.ExistsAsync(Cancellation))
        {
            await foreach (var blob in Lists.GetBlobsAsync(new GetBlobsOptions(), Cancellation))
            {
                blobs[blob.Name] = blob.Properties.ETag!.Value.ToString();
            }
        }
        return blobs;
    }

    public void Dispose() => _services.Dispose();
}
