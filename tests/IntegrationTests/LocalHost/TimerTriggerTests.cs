using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Etransactions.IntegrationTests.Support;
using Etransactions.Local.Triggers;

namespace Etransactions.IntegrationTests.LocalHost;

/// <summary>Timers on the app's movable clock; each test has a host of its own, since it moves the clock.</summary>
public sealed class TimerTriggerTests(SharedAzurite azurite)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunByHand_RunsTheTimerNow()
    {
        await using var app = await AppHost.StartAsync(azurite.ConnectionString);

        using var reply = await app.Http.PostAsync(new Uri("admin/functions/Tick", UriKind.Relative), null, Cancellation);

        Assert.Equal(HttpStatusCode.Accepted, reply.StatusCode);
        var record = Assert.Single(await app.ReceivedAsync("timer"));
        Assert.False(record["IsPastDue"]!.GetValue<bool>());
    }

    [Fact]
    public async Task MovingTheClockPastTheSchedule_RunsTheTimerOnce()
    {
        await using var app = await AppHost.StartAsync(azurite.ConnectionString);
        // Tick runs at 00:00:00 UTC on 1 January each year.
        var nextNewYear = new DateTimeOffset(app.Host.Clock.GetUtcNow().Year + 1, 1, 1, 0, 0, 0, TimeSpan.Zero);

        using var moved = await app.Http.PostAsJsonAsync(new Uri("admin/clock", UriKind.Relative), new { now = nextNewYear.AddSeconds(-2) }, Cancellation);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        var record = Assert.Single(await app.ReceivedAsync("timer", timeout: TimeSpan.FromSeconds(20)));
        Assert.False(record["IsPastDue"]!.GetValue<bool>());
        var status = await Eventually.GetAsync(async () => await ReadStatusAsync(app) is { } s && s.Last == nextNewYear ? s : null, "the status after the run");
        Assert.Equal(nextNewYear.AddYears(1), status.Next);
        await Task.Delay(TimeSpan.FromSeconds(1), Cancellation);
        Assert.Single(await app.ReceivedAsync("timer"));
    }

    [Fact]
    public async Task RunMissedWhileTheHostWasDown_IsMadeUpOnceAtStart()
    {
        var data = TempFolder.Create("timer");
        try
        {
            await MissedRunAsync(data);
        }
        finally
        {
            TempFolder.Delete(data);
        }
    }

    private async Task MissedRunAsync(string data)
    {
        var hostId = $"missed-{Guid.NewGuid():N}"[..20];
        var settings = new Dictionary<string, string> { ["RECEIVED_CONTAINER"] = $"received-{Guid.NewGuid():N}"[..30] };
        await using (var first = await AppHost.StartAsync(azurite.ConnectionString, settings: settings, dataFolder: data, hostId: hostId))
        {
            var status = await ReadStatusAsync(first);
            Assert.True(status.Next > DateTimeOffset.UtcNow);
        }
        // While no host runs, the due time passes: as if the host had been down over New Year.
        var record = await StatusBlob(azurite.ConnectionString, hostId).DownloadContentAsync(Cancellation);
        var stale = record.Value.Content.ToObjectFromJson<TimerTriggers.ScheduleStatus>()! with { Next = DateTimeOffset.UtcNow.AddHours(-1) };
        await StatusBlob(azurite.ConnectionString, hostId).UploadAsync(BinaryData.FromObjectAsJson(stale), overwrite: true, Cancellation);

        await using var second = await AppHost.StartAsync(azurite.ConnectionString, settings: settings, dataFolder: data, hostId: hostId);

        var made = Assert.Single(await second.ReceivedAsync("timer"));
        Assert.True(made["IsPastDue"]!.GetValue<bool>());
        await Task.Delay(TimeSpan.FromSeconds(1), Cancellation);
        Assert.Single(await second.ReceivedAsync("timer"));
        Assert.True((await ReadStatusAsync(second)).Next > DateTimeOffset.UtcNow);
    }

    private static async Task<TimerTriggers.ScheduleStatus> ReadStatusAsync(AppHost app) =>
        (await Eventually.GetAsync(async () =>
        {
            var blob = StatusBlob(app.Host.StorageConnectionString, app.Host.HostId);
            return await blob.ExistsAsync(Cancellation) ? (await blob.DownloadContentAsync(Cancellation)).Value.Content.ToObjectFromJson<TimerTriggers.ScheduleStatus>() : null;
        }, "the timer's schedule status"))!;

    private static BlobClient StatusBlob(string storage, string hostId) =>
        new BlobContainerClient(storage, HostStorage.Container).GetBlobClient($"timers/{hostId}/Tick/status");
}
