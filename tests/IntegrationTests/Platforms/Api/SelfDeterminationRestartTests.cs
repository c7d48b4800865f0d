using Etransactions.Functions.Platforms.SelfDetermination;
using Etransactions.TestSupport.Platforms;

namespace Etransactions.IntegrationTests.Platforms.Api;

/// <summary>The app stops in the middle of a cycle and starts again over the same storage: the cycle carries on.</summary>
public sealed class SelfDeterminationRestartTests : IAsyncLifetime
{
    private PlatformsApp? _app;

    private PlatformsApp App => _app ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() => _app = await PlatformsApp.StartAsync(new DateTimeOffset(2025, 12, 31, 17, 5, 0, TimeSpan.Zero));

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_reminder_due_while_stopped_is_sent_after_the_restart_and_a_submission_stored_before_a_stop_is_reviewed_after_it()
    {
        await App.RecordPopulationAsync();
        var platform = await App.RegisterAsync("Sàn Khởi Động Lại", $"https://{Guid.NewGuid():N}.example.vn");
        await App.RunAsync(StartSelfDeterminationsFunction.Name);
        await App.NoticesWhenAsync(platform.Id, "started");

        // Started again after the 14-day reminder fell due: the hourly deadline check missed while stopped runs at once and sends it.
        await App.RestartAsync(new DateTimeOffset(2026, 1, 16, 17, 30, 0, TimeSpan.Zero));
        await App.NoticesWhenAsync(platform.Id, "started", "reminder");
        Assert.StartsWith("2026-01-16T17:3", (await App.NotificationsAsync(platform.Id))[^1]["occurredAt"]!.GetValue<string>(), StringComparison.Ordinal);

        // Stored, then stopped at once: the next start takes the submission from where it was left.
        var put = await App.Api.SendAsync(HttpMethod.Put, $"api/platforms/{platform.Id}/statistics/2026", platform.Key,
            PlatformSamples.Statistics("2025-01", 4_000_000));
        Assert.Equal(201, put.Status);
        await App.RestartAsync(new DateTimeOffset(2026, 1, 18, 0, 0, 0, TimeSpan.Zero));
        var reported = await App.DeterminationWhenAsync(platform.Id, "reported");
        Assert.Equal("large", reported["scale"]!.GetValue<string>());
        var review = await App.Api.SendAsync(HttpMethod.Post, $"api/platforms/{platform.Id}/determinations/2026/review", PlatformsApp.Regulator,
            new System.Text.Json.Nodes.JsonObject { ["decision"] = "accept", ["reason"] = "Hợp lệ" });
        Assert.Equal(202, review.Status);
        var determined = await App.DeterminationWhenAsync(platform.Id, "determined");
        Assert.Equal(["started", "reminder", "statisticsReceived", "reported", "accepted", "determined"], PlatformsApp.TimelineTypes(determined));
        await App.App.StatusAsync($"selfdet-{platform.Id}-2026", status => status["runtimeStatus"]?.GetValue<string>() == "Completed");

        // The 3-day reminder is not sent to a platform that has reported.
        await App.MoveClockAsync(new DateTimeOffset(2026, 1, 28, 0, 0, 0, TimeSpan.Zero));
        await App.RunAsync(CheckDeadlinesFunction.Name);
        Assert.Equal(["started", "reminder", "reported", "determined"], await App.NoticesWhenAsync(platform.Id, "started", "reminder", "reported", "determined"));
    }
}
