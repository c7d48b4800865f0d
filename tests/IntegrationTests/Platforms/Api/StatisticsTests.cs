using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Etransactions.Functions.Core.Storage;
using Etransactions.Functions.Platforms.Determinations;
using Etransactions.Functions.Platforms.Domain;
using Etransactions.Functions.Platforms.Statistics;
using Etransactions.TestSupport.Platforms;

namespace Etransactions.IntegrationTests.Platforms.Api;

/// <summary>
/// Annual statistics through the local host, on 5 January 2026 (cycle 2026 covers January–December 2025).
/// Each test has a platform of its own; the population figure is recorded by whichever comes first.
/// </summary>
[Collection(StatisticsGroup.Name)]
public sealed class StatisticsTests(StatisticsApp shared)
{
    private const string Regulator = PlatformsApp.Regulator;
    private const decimal Large = 4_000_000; // 3.95 % of 101.3 million

    private PlatformsApi Api => shared.App.Api;

    private StatisticsStore Statistics => new(Tables);

    private AppTables Tables => new(new TableServiceClient(shared.App.StorageConnectionString));

    [Fact]
    public async Task Without_a_population_figure_in_force_statistics_are_409_and_nothing_is_stored()
    {
        var platform = await PlatformAsync("Sàn Chưa Có Dân Số");
        var now = await shared.App.NowAsync();
        // 5 January 2025, the day before the figure of the samples is announced: cycle 2025, its months 2024.
        await shared.App.MoveClockAsync(new DateTimeOffset(2025, 1, 5, 3, 0, 0, TimeSpan.Zero));
        try
        {
            var reply = await Put(platform, PlatformSamples.Statistics("2024-01", Large), cycle: "2025");

            Assert.Equal((409, "/problems/conflict"), (reply.Status, reply.Json["type"]!.GetValue<string>()));
            Assert.Contains("population", reply.Json["detail"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Empty(await Statistics.HistoryAsync(platform.Id, 2025, TestContext.Current.CancellationToken));
        }
        finally
        {
            await shared.App.MoveClockAsync(now);
        }
    }

    [Fact]
    public async Task The_first_submission_is_stored_201_with_its_classification_and_where_the_determination_is()
    {
        var platform = await PlatformAsync("Sàn Giao Dịch Hoa Sen");

        var reply = await Put(platform, PlatformSamples.Statistics("2025-01", Large));

        Assert.Equal(201, reply.Status);
        Assert.Equal($"/api/platforms/{platform.Id}/statistics/2026", reply.Header("Location"));
        Assert.Equal($"/api/platforms/{platform.Id}/determinations/2026", reply.Json["determination"]!.GetValue<string>());
        Assert.Equal((2026, 1, true, false), (Int(reply, "cycle"), Int(reply, "version"), reply.Json["changed"]!.GetValue<bool>(), reply.Json["late"]!.GetValue<bool>()));
        Assert.Matches(@"^2026-01-05T\d{2}:\d{2}:\d{2}\.\d{3}Z$", reply.Json["submittedAt"]!.GetValue<string>());
        var classification = reply.Json["classification"]!;
        Assert.Equal("large", classification["scale"]!.GetValue<string>());
        Assert.Equal("large", classification["systemScale"]!.GetValue<string>());
        Assert.Equal(4_000_000, classification["averageMonthlyActiveUsers"]!.GetValue<double>());
        Assert.Equal(3.9487, classification["sharePercent"]!.GetValue<double>());
        Assert.Equal(48_000_000, classification["totalActiveUsers"]!.GetValue<long>());
        Assert.Equal(("2025-01", "2025-12", 12), (classification["firstMonth"]!.GetValue<string>(), classification["lastMonth"]!.GetValue<string>(), classification["months"]!.GetValue<int>()));
        // The figure it used, as the regulator recorded it.
        var figure = (await Api.SendAsync(HttpMethod.Get, "/api/population/2024", Regulator)).Json["current"]!;
        Assert.Equal((1, PlatformSamples.PopulationAnnouncedOn), (figure["version"]!.GetValue<int>(), figure["announcedOn"]!.GetValue<string>()));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", figure["recordedAt"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(figure, classification["population"]), $"{classification["population"]!.ToJsonString()} is not {figure.ToJsonString()}");
    }

    [Fact]
    public async Task The_same_body_again_changes_nothing_and_a_change_is_a_new_version_keeping_the_earlier()
    {
        var platform = await PlatformAsync("Sàn Đổi Số Liệu");
        Assert.Equal(201, (await Put(platform, PlatformSamples.Statistics("2025-01", Large))).Status);

        var same = await Put(platform, PlatformSamples.Statistics("2025-01", Large));
        Assert.Equal((200, 1, false), (same.Status, Int(same, "version"), same.Json["changed"]!.GetValue<bool>()));

        var changed = await Put(platform, PlatformSamples.Statistics("2025-01", 11_000_000));
        Assert.Equal((200, 2, true), (changed.Status, Int(changed, "version"), changed.Json["changed"]!.GetValue<bool>()));
        Assert.Equal("particularlyLarge", changed.Json["classification"]!["scale"]!.GetValue<string>());

        var history = await Statistics.HistoryAsync(platform.Id, 2026, TestContext.Current.CancellationToken);
        Assert.Equal([(1, 4_000_000m), (2, 11_000_000m)], history.Select(s => (s.Version, s.Months[0].ActiveUsers)));
    }

    public static TheoryData<string, JsonObject, string[]> BadMonths() => new()
    {
        { "a negative count", WithMonths(m => m[0] = Month("2025-01", -1)), ["months.0.activeUsers"] },
        { "a fractional count", WithMonths(m => m[4] = Month("2025-05", 12.5m)), ["months.4.activeUsers"] },
        { "more users than the population", WithMonths(m => m[6] = Month("2025-07", 200_000_000)), ["months.6.activeUsers"] },
        { "11 months", WithMonths(m => m.RemoveAt(0)), ["months"] },
        { "13 months", WithMonths(m => m.Insert(0, Month("2024-12", 1))), ["months"] },
        { "months out of order", WithMonths(m => { var third = m[2]!.DeepClone(); m[2] = m[3]!.DeepClone(); m[3] = third; }), ["months.2.month", "months.3.month", "months.4.month"] },
        { "a repeated month", WithMonths(m => m[5] = Month("2025-05", 1)), ["months.5.month", "months.6.month"] },
        { "a month missing", WithMonths(m => m[3] = Month("2026-01", 1)), ["months.3.month", "months.4.month"] },
        { "months of another year", PlatformSamples.Statistics("2024-01", 1), ["months.11.month"] },
        { "a count that is not a number", WithMonths(m => m[1] = new JsonObject { ["month"] = "2025-02", ["activeUsers"] = "many" }), ["months.1.activeUsers"] },
    };

    [Theory]
    [MemberData(nameof(BadMonths))]
    public async Task Bad_months_get_a_400_naming_each_field_and_leave_the_history_as_it_was(string what, JsonObject body, string[] fields)
    {
        var platform = await PlatformAsync($"Sàn Số Liệu Sai {Guid.NewGuid():N}");
        Assert.Equal(201, (await Put(platform, PlatformSamples.Statistics("2025-01", Large))).Status);

        var reply = await Put(platform, body);

        Assert.True(reply.Status == 400, $"{what}: {reply.Status} {reply.Text}");
        Assert.StartsWith("application/problem+json", reply.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal("/problems/validation", reply.Json["type"]!.GetValue<string>());
        Assert.Equal(fields, reply.Fields);
        Assert.Equal([1], (await Statistics.HistoryAsync(platform.Id, 2026, TestContext.Current.CancellationToken)).Select(s => s.Version));
    }

    [Fact]
    public async Task Every_wrong_field_is_named_in_one_response()
    {
        var platform = await PlatformAsync("Sàn Sai Mọi Chỗ");
        var body = PlatformSamples.Statistics("2025-01", -1, new JsonObject { ["declarant"] = new JsonObject { ["name"] = "Lê Văn Cường" }, ["measurement"] = "GA4" });

        var reply = await Put(platform, body, cycle: "2024");

        Assert.Equal(400, reply.Status);
        Assert.Equal(
            Enumerable.Range(0, 12).Select(i => $"months.{i}.activeUsers").Append("cycle").Append("declarant.position").Append("measurement").Order(StringComparer.Ordinal),
            reply.Fields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_cycle_before_2025_in_the_future_or_not_a_year_is_refused()
    {
        var platform = await PlatformAsync("Sàn Sai Kỳ");
        Assert.Equal(["cycle"], (await Put(platform, PlatformSamples.Statistics("2023-01", 1), cycle: "2024")).Fields);
        Assert.Contains("cycle", (await Put(platform, PlatformSamples.Statistics("2026-01", 1), cycle: "2027")).Fields);
        Assert.Equal(["cycle"], (await Put(platform, PlatformSamples.Statistics("2025-01", 1), cycle: "latest")).Fields);
    }

    [Fact]
    public async Task A_malformed_body_is_400_a_wrong_content_type_415_and_a_body_over_the_limit_413()
    {
        var platform = await PlatformAsync("Sàn Gửi Hỏng");
        var path = $"/api/platforms/{platform.Id}/statistics/2026";
        var broken = await Api.SendAsync(HttpMethod.Put, path, platform.Key, rawBody: """{"months": [""");
        Assert.Equal((400, "(body)"), (broken.Status, broken.Fields.Single()));
        Assert.Equal(415, (await Api.SendAsync(HttpMethod.Put, path, platform.Key, rawBody: "months=12", contentType: "application/x-www-form-urlencoded")).Status);
        var huge = PlatformSamples.Statistics("2025-01", 1, new JsonObject { ["declarant"] = new JsonObject { ["name"] = new string('x', 70_000), ["position"] = "y" } });
        Assert.Equal(413, (await Put(platform, huge)).Status);
        Assert.Empty(await Statistics.HistoryAsync(platform.Id, 2026, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_missing_key_is_401_and_another_platform_or_the_regulator_sending_is_403()
    {
        var platform = await PlatformAsync("Sàn Của Mình");
        var other = await PlatformAsync("Sàn Bên Cạnh");
        var body = PlatformSamples.Statistics("2025-01", 1);

        Assert.Equal(401, (await Put(platform, body, key: "")).Status);
        Assert.Equal(401, (await Put(platform, body, key: $"etp.{platform.Id}.guess")).Status);
        Assert.Equal(403, (await Put(platform, body, key: other.Key)).Status);
        var regulator = await Put(platform, body, key: Regulator);
        Assert.Equal((403, "/problems/forbidden"), (regulator.Status, regulator.Json["type"]!.GetValue<string>()));
        Assert.Equal(403, (await Put(("no-such-platform", ""), body, key: other.Key)).Status);
        Assert.Empty(await Statistics.HistoryAsync(platform.Id, 2026, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task After_the_regulator_accepted_a_change_needs_a_reason()
    {
        var platform = await PlatformAsync("Sàn Đã Được Chấp Nhận");
        Assert.Equal(201, (await Put(platform, PlatformSamples.Statistics("2025-01", Large))).Status);
        Assert.Equal(200, (await Put(platform, PlatformSamples.Statistics("2025-01", 11_000_000))).Status);

        // The acceptance, as the self-determination records it.
        var cancellation = TestContext.Current.CancellationToken;
        await new DeterminationStore(Tables).SaveAsync(new DeterminationRecord
        {
            PlatformId = platform.Id,
            Cycle = 2026,
            InstanceId = Determinations.SelfDeterminationInstanceId(platform.Id, 2026),
            Status = DeterminationStatus.Determined,
            Deadline = Cycles.DeadlineFor(2026),
            StartedAt = new DateTimeOffset(2026, 1, 5, 3, 0, 0, TimeSpan.Zero),
            StartedBy = StartedBy.Statistics,
            RunId = "run-1",
            UpdatedAt = new DateTimeOffset(2026, 1, 5, 4, 0, 0, TimeSpan.Zero),
            ProcessedVersion = 2,
            SubmissionVersion = 2,
            AcceptedVersion = 2,
        }, cancellation);

        Assert.Equal(200, (await Put(platform, PlatformSamples.Statistics("2025-01", 11_000_000))).Status);
        var noReason = await Put(platform, PlatformSamples.Statistics("2025-01", 10_500_000));
        Assert.Equal((400, "reason"), (noReason.Status, noReason.Fields.Single()));
        var withReason = await Put(platform, PlatformSamples.Statistics("2025-01", 10_500_000, new JsonObject { ["reason"] = "Sửa số liệu tháng / corrected months" }));
        Assert.Equal((200, 3, true), (withReason.Status, Int(withReason, "version"), withReason.Json["changed"]!.GetValue<bool>()));
        Assert.Equal("Sửa số liệu tháng / corrected months", (await Statistics.GetAsync(platform.Id, 2026, 3, cancellation))!.Reason);
    }

    [Fact]
    public async Task Statistics_after_the_deadline_are_late()
    {
        var late = await PlatformAsync("Sàn Gửi Muộn");
        var now = await shared.App.NowAsync();
        await shared.App.MoveClockAsync(Cycles.DeadlineFor(2026).AddHours(1));
        try
        {
            var reply = await Put(late, PlatformSamples.Statistics("2025-01", 1_000_000));
            Assert.Equal((201, true, "none"), (reply.Status, reply.Json["late"]!.GetValue<bool>(), reply.Json["classification"]!["scale"]!.GetValue<string>()));
        }
        finally
        {
            await shared.App.MoveClockAsync(now);
        }
    }

    private static JsonObject WithMonths(Action<JsonArray> change)
    {
        var body = PlatformSamples.Statistics("2025-01", 1_000_000);
        change(body["months"]!.AsArray());
        return body;
    }

    private static JsonObject Month(string month, decimal users) => new() { ["month"] = month, ["activeUsers"] = users };

    private static int Int(ApiReply reply, string name) => reply.Json[name]!.GetValue<int>();

    /// <summary>A platform of the test's own, with the population figure of the samples recorded.</summary>
    private async Task<(string Id, string Key)> PlatformAsync(string name)
    {
        await shared.App.RecordPopulationAsync();
        return await shared.App.RegisterAsync(name, $"https://{Guid.NewGuid():N}.example.vn");
    }

    private Task<ApiReply> Put((string Id, string Key) platform, JsonObject body, string cycle = "2026", string? key = null) =>
        Api.SendAsync(HttpMethod.Put, $"/api/platforms/{platform.Id}/statistics/{cycle}", key ?? platform.Key, body);
}
