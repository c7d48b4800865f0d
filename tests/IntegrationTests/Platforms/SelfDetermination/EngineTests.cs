using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Etransactions.Functions.Core.Storage;
using Etransactions.Functions.Platforms.Domain;
using Etransactions.Functions.Platforms.Registry;
using Etransactions.Functions.Platforms.SelfDetermination;
using Etransactions.Functions.Platforms.Statistics;
using Etransactions.IntegrationTests.Support;

namespace Etransactions.IntegrationTests.Platforms.SelfDetermination;

/// <summary>
/// The selfDetermination orchestration on the local host's real Durable engine, its platforms and statistics
/// written to the app's tables directly and its events raised through the host's Durable webhook: started by the
/// yearly starter, reported, accepted and determined; a silent platform walked through its reminders and deadline
/// by the app's clock.
/// </summary>
public sealed class EngineTests : IAsyncLifetime
{
    private const string Regulator = "local-development-regulator-key-not-for-azure";
    private static readonly PopulationFigure Population = new(2024, 1, 101_300_000, "Tổng cục Thống kê", new DateOnly(2025, 1, 6), new DateTimeOffset(2025, 1, 7, 2, 0, 0, TimeSpan.Zero));

    private readonly string _folder = TempFolder.Create("selfdet-engine");
    private Local.Azurite.AzuriteServer? _azurite;
    private AppHost? _app;

    private AppHost App => _app ?? throw new InvalidOperationException("Not started.");

    private AppTables Tables => new(new TableServiceClient(_azurite!.ConnectionString));

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _azurite = await SharedAzurite.StartOwnAsync(Path.Combine(_folder, "azurite"));
        _app = await AppHost.StartAsync(_azurite.ConnectionString, AppHost.FunctionsProject,
            new Dictionary<string, string> { ["LOCAL_CLOCK_START"] = "2025-12-31T17:05:00Z" }, Path.Combine(_folder, "host"));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
        TempFolder.Delete(_folder);
    }

    [Fact]
    public async Task Statistics_then_review_accept_is_determined_and_a_silent_platform_gets_its_reminders_then_overdue()
    {
        var large = await RegisterAsync("Sàn Đúng Hạn");
        var silent = await RegisterAsync("Sàn Im Lặng");
        await RunAsync(StartSelfDeterminationsFunction.Name);
        await RunAsync(StartSelfDeterminationsFunction.Name); // again: nothing new
        foreach (var platform in new[] { large, silent })
        {
            var opened = await StatusWhenAsync(platform, "awaitingStatistics");
            Assert.Equal("2026-01-31T00:00:00+07:00", opened["deadlineVietnam"]!.GetValue<string>());
            Assert.Equal(["started"], await NoticesWhenAsync(platform, "started"));
        }

        // 5 January: version 1 is stored and signalled, twice in quick succession: one transition.
        await MoveClockAsync("2026-01-05T03:00:00Z");
        await StoreStatisticsAsync(large, 1, 3_545_500, "2026-01-05T03:00:00Z"); // 3.5 %
        var statistics = new JsonObject { ["version"] = 1, ["at"] = "2026-01-05T03:00:00.000Z" };
        await RaiseAsync(large, SelfDeterminationNames.StatisticsEvent, statistics);
        await RaiseAsync(large, SelfDeterminationNames.StatisticsEvent, statistics);
        var reported = await StatusWhenAsync(large, "reported");
        Assert.Equal(("large", 3.5, false), (reported["scale"]!.GetValue<string>(), reported["classification"]!["sharePercent"]!.GetValue<double>(), reported["late"]!.GetValue<bool>()));
        var custom = await App.StatusAsync(InstanceId(large), status => status["customStatus"]?["status"]?.GetValue<string>() == "reported");
        Assert.Equal(1, custom["customStatus"]!["reportedVersion"]!.GetValue<int>());

        // A stale review, one that does not read, then the real one.
        await RaiseAsync(large, SelfDeterminationNames.ReviewEvent, new JsonObject
        {
            ["reviewId"] = "stale", ["version"] = 7, ["decision"] = "accept", ["reason"] = "x", ["reviewedAt"] = "2026-01-06T03:00:00.000Z",
        });
        await RaiseAsync(large, SelfDeterminationNames.ReviewEvent, new JsonObject { ["not"] = "a review" });
        var accept = new JsonObject { ["decision"] = "accept", ["reason"] = "Số liệu hợp lệ" };
        var (status, reply) = await ReviewAsync(large, accept);
        Assert.Equal((202, 1, "accept"), (status, reply["version"]!.GetValue<int>(), reply["decision"]!.GetValue<string>()));
        Assert.Equal($"/api/platforms/{large.Id}/determinations/2026", reply["determination"]!.GetValue<string>());
        await StatusWhenAsync(large, "determined");
        // The notification is the activity's last step: after it, the timeline is complete.
        Assert.Equal(["started", "reported", "determined"], await NoticesWhenAsync(large, "started", "reported", "determined"));
        var determined = (await DeterminationAsync(large))!;
        Assert.Equal(1, determined["acceptedVersion"]!.GetValue<int>());
        Assert.Equal(["started", "statisticsReceived", "reported", "accepted", "determined"], TimelineTypes(determined));
        var notWaiting = await ReviewAsync(large, new JsonObject { ["decision"] = "accept", ["reason"] = "lại" });
        Assert.Equal((409, "determined"), (notWaiting.Status, notWaiting.Json["determinationStatus"]!.GetValue<string>()));
        var completed = await App.StatusAsync(InstanceId(large), status => status["runtimeStatus"]?.GetValue<string>() == "Completed");
        Assert.Matches("(?i)\"processedVersion\":1\\b", OutputText(completed));

        // The clock walks: 16 January 23:59 nothing; 17 January the 14-day reminder; 28 January the 3-day one.
        await WalkToAsync("2026-01-16T16:59:00Z");
        Assert.Equal(["started"], await NoticeTypesAsync(silent));
        await WalkToAsync("2026-01-16T17:00:00Z");
        await NoticesWhenAsync(silent, "started", "reminder");
        var fourteen = (await NotificationsAsync(silent))[^1];
        Assert.Equal(("2026-01-17T00:00:00+07:00", 14), (fourteen["occurredAtVietnam"]!.GetValue<string>(), fourteen["data"]!["daysBefore"]!.GetValue<int>()));
        await RunAsync(CheckDeadlinesFunction.Name); // again: nothing new
        await WalkToAsync("2026-01-27T17:00:00Z");
        await NoticesWhenAsync(silent, "started", "reminder", "reminder");
        var three = (await NotificationsAsync(silent))[^1];
        Assert.Equal(("2026-01-28T00:00:00+07:00", 3), (three["occurredAtVietnam"]!.GetValue<string>(), three["data"]!["daysBefore"]!.GetValue<int>()));
        Assert.DoesNotContain("reminder", await NoticeTypesAsync(large));

        // 30 January 23:59:59 still in time; 31 January overdue, to platform and regulator; late statistics still taken.
        await WalkToAsync("2026-01-30T16:59:59Z");
        Assert.Equal("awaitingStatistics", (await DeterminationAsync(silent))!["status"]!.GetValue<string>());
        await WalkToAsync("2026-01-30T17:00:00Z");
        await StatusWhenAsync(silent, "overdue");
        await NoticesWhenAsync(silent, "started", "reminder", "reminder", "overdue");
        Assert.Equal("[\"platform\",\"regulator\"]", (await NotificationsAsync(silent))[^1]["recipients"]!.ToJsonString());
        await RunAsync(CheckDeadlinesFunction.Name); // again: nothing new
        await MoveClockAsync("2026-02-03T02:00:00Z");
        await StoreStatisticsAsync(silent, 1, 500_000, "2026-02-03T02:00:00Z", late: true);
        await RaiseAsync(silent, SelfDeterminationNames.StatisticsEvent, new JsonObject { ["version"] = 1, ["at"] = "2026-02-03T02:00:00.000Z" });
        await StatusWhenAsync(silent, "determined");
        Assert.Equal(["started", "reminder", "reminder", "overdue", "determined"],
            await NoticesWhenAsync(silent, "started", "reminder", "reminder", "overdue", "determined"));
        var late = (await DeterminationAsync(silent))!;
        Assert.Equal((true, "none"), (late["late"]!.GetValue<bool>(), late["scale"]!.GetValue<string>()));
        Assert.Equal(["started", "reminder", "reminder", "overdue", "statisticsReceived", "determined"], TimelineTypes(late));
    }

    /// <summary>The instance's output as JSON text, whether the webhook gives it as an object or as a string of JSON.</summary>
    private static string OutputText(JsonObject status) =>
        status["output"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : status["output"]!.ToJsonString();

    private static string InstanceId(PlatformRecord platform) => $"selfdet-{platform.Id}-2026";

    private static IReadOnlyList<string> TimelineTypes(JsonObject determination) =>
        [.. determination["timeline"]!.AsArray().Select(entry => entry!["type"]!.GetValue<string>())];

    private async Task<PlatformRecord> RegisterAsync(string name)
    {
        var focalPoint = new FocalPoint("Trần Văn Bình", "binh@example.vn", "+84 28 3822 0000", "123 Lê Lợi, TP. Hồ Chí Minh");
        var registration = new PlatformRegistration(name, new Administrator("Công ty", "Việt Nam", focalPoint),
            $"https://{Guid.NewGuid():N}.example.vn", Intermediary: true, new DateOnly(2019, 5, 1));
        return await new PlatformStore(Tables).RegisterAsync(Guid.NewGuid().ToString(), registration, DateTimeOffset.UtcNow, Cancellation);
    }

    private async Task StoreStatisticsAsync(PlatformRecord platform, int version, decimal users, string submittedAt, bool late = false)
    {
        List<MonthlyUsers> months = [.. Enumerable.Range(1, 12).Select(month => new MonthlyUsers($"2025-{month:D2}", users))];
        var body = new StatisticsBody(months, true, new Measurement("Tài khoản đăng nhập", "Google Analytics 4"), new Declarant("Nguyễn Thị Hương", "Giám đốc"));
        var at = DateTimeOffset.Parse(submittedAt, System.Globalization.CultureInfo.InvariantCulture);
        await new StatisticsStore(Tables).AppendAsync(
            StoredSubmission.Of(platform.Id, 2026, version, body, at, late, Classifier.Classify(months, Population, intermediary: true)), Cancellation);
    }

    private async Task MoveClockAsync(string now)
    {
        using var moved = await App.Http.PostAsJsonAsync(new Uri("admin/clock", UriKind.Relative), new { now }, Cancellation);
        moved.EnsureSuccessStatusCode();
    }

    /// <summary>Moves the clock, then runs the deadline check by hand (the schedule runs it too after the move: twice is harmless).</summary>
    private async Task WalkToAsync(string now)
    {
        await MoveClockAsync(now);
        await RunAsync(CheckDeadlinesFunction.Name);
    }

    private async Task RunAsync(string function)
    {
        using var run = await App.Http.PostAsync(new Uri($"admin/functions/{function}", UriKind.Relative), null, Cancellation);
        Assert.True(run.IsSuccessStatusCode, $"{function}: {(int)run.StatusCode} {await run.Content.ReadAsStringAsync(Cancellation)}");
    }

    private async Task RaiseAsync(PlatformRecord platform, string eventName, JsonObject payload)
    {
        using var content = new StringContent(payload.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        using var raised = await App.Http.PostAsync(
            new Uri($"runtime/webhooks/durabletask/instances/{InstanceId(platform)}/raiseEvent/{eventName}", UriKind.Relative), content, Cancellation);
        Assert.Equal(202, (int)raised.StatusCode);
    }

    private async Task<JsonObject?> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path.TrimStart('/'), UriKind.Relative));
        request.Headers.Add("x-api-key", Regulator);
        using var reply = await App.Http.SendAsync(request, Cancellation);
        return reply.IsSuccessStatusCode ? await reply.Content.ReadFromJsonAsync<JsonObject>(Cancellation) : null;
    }

    private async Task<(int Status, JsonObject Json)> ReviewAsync(PlatformRecord platform, JsonObject body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"api/platforms/{platform.Id}/determinations/2026/review", UriKind.Relative))
        {
            Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-api-key", Regulator);
        using var reply = await App.Http.SendAsync(request, Cancellation);
        return ((int)reply.StatusCode, await reply.Content.ReadFromJsonAsync<JsonObject>(Cancellation) ?? []);
    }

    private Task<JsonObject?> DeterminationAsync(PlatformRecord platform) => GetAsync($"/api/platforms/{platform.Id}/determinations/2026");

    private Task<JsonObject> StatusWhenAsync(PlatformRecord platform, string status) =>
        Eventually.GetAsync(async () => await DeterminationAsync(platform) is { } json && json["status"]!.GetValue<string>() == status ? json : null,
            $"{platform.Name}: {status}", TimeSpan.FromSeconds(90), () => App.Log.Tail());

    private async Task<IReadOnlyList<JsonObject>> NotificationsAsync(PlatformRecord platform) =>
        [.. (await GetAsync($"/api/notifications?platformId={platform.Id}&limit=1000"))!["notifications"]!.AsArray().Select(n => n!.AsObject()).Reverse()];

    private async Task<IReadOnlyList<string>> NoticeTypesAsync(PlatformRecord platform) =>
        [.. (await NotificationsAsync(platform)).Select(n => n["type"]!.GetValue<string>().Replace("selfDetermination.", "", StringComparison.Ordinal))];

    private Task<IReadOnlyList<string>> NoticesWhenAsync(PlatformRecord platform, params string[] types) =>
        Eventually.GetAsync<IReadOnlyList<string>>(async () => (await NoticeTypesAsync(platform)).SequenceEqual(types) ? types : null,
            $"{platform.Name}: notices {string.Join(", ", types)}", TimeSpan.FromSeconds(90), () => App.Log.Tail());
}
