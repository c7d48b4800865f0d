using System.Text.Json.Nodes;
using Etransactions.Functions.Platforms.SelfDetermination;
using Etransactions.IntegrationTests.Support;
using Etransactions.TestSupport.Platforms;

namespace Etransactions.IntegrationTests.Platforms.Api;

/// <summary>The app started at 00:05 on 1 January 2026 in Vietnam, when the yearly timer opens cycle 2026.</summary>
public sealed class CycleOpeningApp() : SharedPlatformsApp(new DateTimeOffset(2025, 12, 31, 17, 5, 0, TimeSpan.Zero));

/// <summary>
/// A cycle of self-determination through the API and the app's timers, as platforms and the regulator live it:
/// the yearly start, the platforms bar with its refusals, a report returned and resubmitted, repeated
/// submissions, and a statistics event that arrives before its version is stored.
/// </summary>
public sealed class SelfDeterminationCycleTests(CycleOpeningApp shared) : IClassFixture<CycleOpeningApp>
{
    private const string Regulator = PlatformsApp.Regulator;

    /// <summary>3.5 % of the samples' population: large.</summary>
    private static readonly decimal Large = Math.Round(PlatformSamples.PopulationValue * 0.035m);

    private PlatformsApp App => shared.App;

    private PlatformsApi Api => shared.App.Api;

    [Fact]
    public async Task The_yearly_timer_opens_the_cycle_once_for_platforms_operating_twelve_months_by_the_deadline()
    {
        await App.RecordPopulationAsync();
        var old = await App.RegisterAsync("Sàn Lâu Năm", Website());
        var young = await App.RegisterAsync("Sàn Mới Mở", Website(), new JsonObject { ["operatingSince"] = "2025-06-01" });

        await App.RunAsync(StartSelfDeterminationsFunction.Name);
        await App.NoticesWhenAsync(old.Id, "started"); // the opening's last step
        var opened = await App.DeterminationWhenAsync(old.Id, "awaitingStatistics");
        Assert.Equal("2026-01-31T00:00:00+07:00", opened["deadlineVietnam"]!.GetValue<string>());
        Assert.Equal(["started"], PlatformsApp.TimelineTypes(opened));
        var started = (await App.NotificationsAsync(old.Id))[0];
        Assert.Equal("[\"platform\"]", started["recipients"]!.ToJsonString());
        Assert.Contains("chậm nhất ngày 30/01/2026", started["text"]!["vi"]!.GetValue<string>(), StringComparison.Ordinal);
        var running = await App.App.StatusAsync($"selfdet-{old.Id}-2026", status => status["customStatus"]?["status"]?.GetValue<string>() == "awaitingStatistics");
        Assert.Equal("Running", running["runtimeStatus"]!.GetValue<string>());

        // Not twelve months of operation by the deadline: no cycle, and nothing to read.
        Assert.Equal(404, (await Api.SendAsync(HttpMethod.Get, $"api/platforms/{young.Id}/determinations/2026", Regulator)).Status);

        await App.RunAsync(StartSelfDeterminationsFunction.Name);
        Assert.Equal(["started"], await App.NoticeTypesAsync(old.Id));
        Assert.Equal(["started"], PlatformsApp.TimelineTypes(await App.DeterminationWhenAsync(old.Id, "awaitingStatistics")));
        Assert.Empty(await App.NotificationsAsync(young.Id));
    }

    [Fact]
    public async Task Two_platforms_each_send_only_their_own_statistics_and_a_large_platform_is_reported_then_determined()
    {
        await App.RecordPopulationAsync();
        var first = await App.RegisterAsync("Sàn Thứ Nhất", Website());
        var second = await App.RegisterAsync("Sàn Thứ Hai", Website());
        var path = $"api/platforms/{first.Id}/statistics/2026";

        Assert.Equal(401, (await Api.SendAsync(HttpMethod.Put, path, body: PlatformSamples.Statistics("2025-01", Large))).Status);
        Assert.Equal(401, (await Api.SendAsync(HttpMethod.Put, path, "etp.not-a-key", PlatformSamples.Statistics("2025-01", Large))).Status);
        Assert.Equal(403, (await Api.SendAsync(HttpMethod.Put, path, second.Key, PlatformSamples.Statistics("2025-01", Large))).Status);
        var eleven = PlatformSamples.Statistics("2025-01", Large);
        eleven["months"] = PlatformSamples.Months("2025-01", Large, count: 11);
        var short_ = await Api.SendAsync(HttpMethod.Put, path, first.Key, eleven);
        Assert.Equal(400, short_.Status);
        Assert.Contains("months", short_.Fields);
        Assert.Equal(404, (await Api.SendAsync(HttpMethod.Get, $"api/platforms/{first.Id}/determinations/2026", Regulator)).Status);

        var put = await Api.SendAsync(HttpMethod.Put, path, first.Key, PlatformSamples.Statistics("2025-01", Large));
        Assert.Equal(201, put.Status);
        Assert.Equal(("large", 1), (put.Json["classification"]!["scale"]!.GetValue<string>(), put.Json["version"]!.GetValue<int>()));
        var reported = await App.DeterminationWhenAsync(first.Id, "reported", first.Key);
        Assert.Equal(("large", 1, false), (reported["scale"]!.GetValue<string>(), reported["submissionVersion"]!.GetValue<int>(), reported["late"]!.GetValue<bool>()));
        Assert.Equal(403, (await Api.SendAsync(HttpMethod.Get, $"api/platforms/{first.Id}/determinations/2026", second.Key)).Status);
        Assert.Equal(403, (await Review(first.Id, "accept", "tự duyệt", first.Key)).Status);

        Assert.Equal(202, (await Review(first.Id, "accept", "Số liệu đầy đủ")).Status);
        var determined = await App.DeterminationWhenAsync(first.Id, "determined");
        Assert.Equal(1, determined["acceptedVersion"]!.GetValue<int>());
        Assert.Equal(["started", "statisticsReceived", "reported", "accepted", "determined"], PlatformsApp.TimelineTypes(determined));
        Assert.Equal(["started", "reported", "determined"], await App.NoticesWhenAsync(first.Id, "started", "reported", "determined"));
        Assert.Equal(404, (await Api.SendAsync(HttpMethod.Get, $"api/platforms/{second.Id}/determinations/2026", second.Key)).Status);
    }

    [Fact]
    public async Task A_returned_report_goes_back_to_the_platform_and_its_resubmission_is_reported_and_accepted()
    {
        await App.RecordPopulationAsync();
        var platform = await App.RegisterAsync("Sàn Bị Trả Lại", Website());
        Assert.Equal(201, (await Put(platform, Large)).Status);
        await App.DeterminationWhenAsync(platform.Id, "reported");

        const string reason = "Thiếu mô tả phương pháp đo / measurement method missing";
        Assert.Equal(202, (await Review(platform.Id, "return", reason)).Status);
        var returned = await App.DeterminationWhenAsync(platform.Id, "returned", platform.Key);
        Assert.Equal(("return", 1), (returned["lastReview"]!["decision"]!.GetValue<string>(), returned["lastReview"]!["version"]!.GetValue<int>()));
        await App.NoticesWhenAsync(platform.Id, "started", "reported", "returned");
        Assert.Equal(reason, (await App.NotificationsAsync(platform.Id))[^1]["data"]!["reason"]!.GetValue<string>());
        var review = await Review(platform.Id, "accept", "x");
        Assert.Equal((409, "returned"), (review.Status, review.Json["determinationStatus"]!.GetValue<string>()));

        var again = await Put(platform, 11_000_000);
        Assert.Equal((200, 2, true), (again.Status, again.Json["version"]!.GetValue<int>(), again.Json["changed"]!.GetValue<bool>()));
        var resubmitted = await App.DeterminationWhenAsync(platform.Id, "reported");
        Assert.Equal(("particularlyLarge", 2), (resubmitted["scale"]!.GetValue<string>(), resubmitted["submissionVersion"]!.GetValue<int>()));
        Assert.Equal(202, (await Review(platform.Id, "accept", "Đã bổ sung / completed")).Status);
        var determined = await App.DeterminationWhenAsync(platform.Id, "determined");
        Assert.Equal(2, determined["acceptedVersion"]!.GetValue<int>());
        Assert.Equal(["1 return", "2 accept"],
            determined["reviews"]!.AsArray().Select(r => $"{r!["version"]} {r["decision"]!.GetValue<string>()}"));
        Assert.Equal(
            ["started", "statisticsReceived", "reported", "returned", "statisticsReceived", "reported", "accepted", "determined"],
            PlatformsApp.TimelineTypes(determined));

        // A correction after the acceptance gives its reason and reopens the finished cycle for review.
        var corrected = PlatformSamples.Statistics("2025-01", 10_500_000, new JsonObject { ["reason"] = "Sửa số liệu tháng / corrected months" });
        var third = await Api.SendAsync(HttpMethod.Put, $"api/platforms/{platform.Id}/statistics/2026", platform.Key, corrected);
        Assert.Equal((200, 3), (third.Status, third.Json["version"]!.GetValue<int>()));
        var reopened = await App.DeterminationWhenAsync(platform.Id, "reported");
        Assert.Equal((3, 2), (reopened["submissionVersion"]!.GetValue<int>(), reopened["acceptedVersion"]!.GetValue<int>()));
        Assert.Equal(["reopened", "statisticsReceived", "reported"], PlatformsApp.TimelineTypes(reopened).TakeLast(3));
    }

    [Fact]
    public async Task The_same_submission_and_its_event_again_and_a_stale_review_change_nothing()
    {
        await App.RecordPopulationAsync();
        var platform = await App.RegisterAsync("Sàn Gửi Hai Lần", Website());
        Assert.Equal(201, (await Put(platform, Large)).Status);
        var twice = await Put(platform, Large);
        Assert.Equal((200, 1, false), (twice.Status, twice.Json["version"]!.GetValue<int>(), twice.Json["changed"]!.GetValue<bool>()));
        await App.DeterminationWhenAsync(platform.Id, "reported");
        await Raise(platform.Id, SelfDeterminationNames.StatisticsEvent, new JsonObject { ["version"] = 1, ["at"] = "2026-01-01T00:00:00.000Z" });
        await Raise(platform.Id, SelfDeterminationNames.ReviewEvent, new JsonObject
        {
            ["reviewId"] = "stale", ["version"] = 7, ["decision"] = "accept", ["reason"] = "x", ["reviewedAt"] = "2026-01-01T00:00:00.000Z",
        });

        // The events are taken in order: once the real review is done, the ones before it have been handled.
        Assert.Equal(202, (await Review(platform.Id, "accept", "Số liệu hợp lệ")).Status);
        var determined = await App.DeterminationWhenAsync(platform.Id, "determined");
        Assert.Equal(["started", "statisticsReceived", "reported", "accepted", "determined"], PlatformsApp.TimelineTypes(determined));
        Assert.Equal(["started", "reported", "determined"], await App.NoticesWhenAsync(platform.Id, "started", "reported", "determined"));
        Assert.Single(determined["reviews"]!.AsArray());
    }

    [Fact]
    public async Task A_statistics_event_naming_a_version_not_yet_stored_is_retried_until_it_is()
    {
        await App.RecordPopulationAsync();
        var platform = await App.RegisterAsync("Sàn Thử Lại", Website());
        Assert.Equal(201, (await Put(platform, 4_000_000)).Status);
        await App.DeterminationWhenAsync(platform.Id, "reported");

        // Version 2 is announced before it exists: the activity fails, and only then is it stored, so the orchestration must retry.
        await Raise(platform.Id, SelfDeterminationNames.StatisticsEvent, new JsonObject { ["version"] = 2, ["at"] = "2026-01-01T00:10:00.000Z" });
        await Eventually.GetAsync(() => Task.FromResult<object?>(
            App.App.Log.Lines.Any(line => line.Contains($"Executed '{SelfDeterminationNames.ApplySubmission}' (Failed", StringComparison.Ordinal)) ? true : null),
            "the activity's first failure", TimeSpan.FromSeconds(60), () => App.App.Log.Tail());
        Assert.Equal(2, (await Put(platform, 12_000_000)).Json["version"]!.GetValue<int>());

        var reported = await Eventually.GetAsync(async () =>
            // The record is saved before its timeline entries: both are waited for.
            await App.DeterminationWhenAsync(platform.Id, "reported") is { } json && json["submissionVersion"]!.GetValue<int>() == 2
                && PlatformsApp.TimelineTypes(json).Count == 5 ? json : null,
            "version 2 reported", TimeSpan.FromSeconds(120), () => App.App.Log.Tail());
        Assert.Equal("particularlyLarge", reported["scale"]!.GetValue<string>());
        Assert.Equal(["started", "statisticsReceived", "reported", "statisticsReceived", "reported"], PlatformsApp.TimelineTypes(reported));
    }

    private static string Website() => $"https://{Guid.NewGuid():N}.example.vn";

    private Task<ApiReply> Put((string Id, string Key) platform, decimal users) =>
        Api.SendAsync(HttpMethod.Put, $"api/platforms/{platform.Id}/statistics/2026", platform.Key, PlatformSamples.Statistics("2025-01", users));

    private Task<ApiReply> Review(string platformId, string decision, string reason, string key = Regulator) =>
        Api.SendAsync(HttpMethod.Post, $"api/platforms/{platformId}/determinations/2026/review", key,
            new JsonObject { ["decision"] = decision, ["reason"] = reason });

    private async Task Raise(string platformId, string eventName, JsonObject payload)
    {
        using var content = new StringContent(payload.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        using var raised = await App.App.Http.PostAsync(
            new Uri($"runtime/webhooks/durabletask/instances/selfdet-{platformId}-2026/raiseEvent/{eventName}", UriKind.Relative), content,
            TestContext.Current.CancellationToken);
        Assert.Equal(202, (int)raised.StatusCode);
    }
}
