using Etransactions.IntegrationTests.Platforms.Api;

namespace Etransactions.IntegrationTests.Publication;

/// <summary>
/// The app on the local host with two published versions of the list: version 1 with two large platforms,
/// version 2 after one became particularly large and a third joined. Its tests only read.
/// </summary>
public sealed class PublishedListApp : IAsyncLifetime
{
    public const string Growing = "Chợ Tốt Điện Tử";
    public const string Steady = "Sàn <Sen> & \"Vàng\"";
    public const string Joining = "Sàn Mới Việt";

    private PlatformsApp? _app;

    public PlatformsApp App => _app ?? throw new InvalidOperationException("Not started.");

    public PlatformsApi Api => App.Api;

    public async ValueTask InitializeAsync()
    {
        _app = await PlatformsApp.StartAsync(new DateTimeOffset(2027, 2, 10, 3, 0, 0, TimeSpan.Zero));
        using var seeding = new Publishing(_app.StorageConnectionString);
        var growing = await seeding.AddAsync(Growing, 4_000_000);
        await seeding.AddAsync(Steady, 3_500_000);
        await seeding.AddAsync("Sàn Nhỏ", 100_000);
        await _app.RunAsync("publishLargePlatformList");
        await seeding.DetermineAsync(growing, 12_000_000, cycle: 2027);
        await seeding.AddAsync(Joining, 3_100_000);
        await _app.MoveClockAsync(new DateTimeOffset(2027, 2, 11, 18, 0, 5, TimeSpan.Zero));
        await _app.RunAsync("publishLargePlatformList");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PublishedListGroup : ICollectionFixture<PublishedListApp>
{
    public const string Name = "published list";
}
