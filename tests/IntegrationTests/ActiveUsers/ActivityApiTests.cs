using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Etransactions.Functions.ActiveUsers.Months;
using Etransactions.Functions.ActiveUsers.Storage;
using Etransactions.IntegrationTests.Platforms.Api;

namespace Etransactions.IntegrationTests.ActiveUsers;

/// <summary>The app started on 20 January 2026, 10:00 in Vietnam.</summary>
public sealed class ActivityApp() : SharedPlatformsApp(new DateTimeOffset(2026, 1, 20, 3, 0, 0, TimeSpan.Zero));

/// <summary>
/// Activity events through the API on the local host and real Azurite: counted exactly as they come,
/// compacted, finalized once January has closed, after which only the counts are kept.
/// </summary>
public sealed class ActivityApiTests(ActivityApp shared) : IClassFixture<ActivityApp>
{
    private const string Regulator = PlatformsApp.Regulator;

    private PlatformsApp App => shared.App;

    private PlatformsApi Api => shared.App.Api;

    [Fact]
    public async Task Events_are_counted_exactly_while_the_month_runs_and_finalized_once_it_has_closed()
    {
        var platform = await App.RegisterAsync("Sàn Đếm Người Dùng", $"https://{Guid.NewGuid():N}.example.vn");
        var first = Batch(platform.Id,
            Event("an", "2026-01-05T08:00:00+07:00", "login"),
            Event("an", "2026-01-19T21:00:00+07:00", "service"),
            Event("binh", "2026-01-20T09:00:00+07:00", "access"),
            Event("charlie", "2026-01-06T10:00:00Z", "login", inVietnam: false),
            new JsonObject { ["user"] = "nguyen.van.an@example.vn", ["at"] = "2026-01-05T08:00:00+07:00", ["kind"] = "login", ["inVietnam"] = true },
            Event("binh", "2026-01-21T09:00:00+07:00", "access"));

        var posted = await Post(platform, first);
        Assert.Equal(202, posted.Status);
        Assert.Equal((6, 4, false), (Int(posted, "received"), Int(posted, "accepted"), posted.Json["replayed"]!.GetValue<bool>()));
        Assert.Equal(["events.4.user", "events.5.at"], posted.Json["rejected"]!.AsArray().Select(r => r!["field"]!.GetValue<string>()));
        var again = await Post(platform, first);
        Assert.Equal((202, 4, true), (again.Status, Int(again, "accepted"), again.Json["replayed"]!.GetValue<bool>()));
        Assert.Equal(posted.Json["batchId"]!.GetValue<string>(), again.Json["batchId"]!.GetValue<string>());
        await Post(platform, Batch(platform.Id, Event("an", "2026-01-20T09:30:00+07:00", "access"), Event("dung", "2026-01-20T09:31:00+07:00", "login")));

        Assert.Equal((3, 1, 6, false), Figures(await January(platform)));
        await App.RunAsync(CompactActivityFunction.Name);
        Assert.Equal((3, 1, 6, false), Figures(await January(platform)));
        await Post(platform, Batch(platform.Id, Event("em", "2026-01-20T09:40:00+07:00", "login"), Event("dung", "2026-01-20T09:41:00+07:00", "login")));
        Assert.Equal((4, 1, 8, false), Figures(await January(platform)));

        // 4 February 00:30 in Vietnam: January closed at midnight, its grace of 3 days over.
        await App.MoveClockAsync(new DateTimeOffset(2026, 2, 3, 17, 30, 0, TimeSpan.Zero));
        await App.RunAsync(FinalizeActiveUsersFunction.Name);
        var final = await January(platform);
        Assert.Equal((4, 1, 8, true), Figures(final));
        Assert.StartsWith("2026-02-03T17:", final["finalizedAt"]!.GetValue<string>(), StringComparison.Ordinal);
        await App.RunAsync(FinalizeActiveUsersFunction.Name); // again: nothing changes
        Assert.Equal(final.ToJsonString(), (await January(platform)).ToJsonString());

        // Only the counts are kept; a January event now is reported and not counted.
        Assert.Equal(0, await BlobsAsync($"{platform.Id}/"));
        Assert.Equal(0, await BatchRowsAsync($"{platform.Id}.2026-01"));
        var late = await Post(platform, Batch(platform.Id, Event("giang", "2026-01-31T23:00:00+07:00", "login")));
        Assert.Equal((202, 0), (late.Status, Int(late, "accepted")));
        Assert.Contains("2026-01 closed", late.Json["rejected"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal((4, 1, 8, true), Figures(await January(platform)));
    }

    [Fact]
    public async Task A_platform_posts_only_its_own_activity_and_a_wrong_request_loses_nothing()
    {
        var platform = await App.RegisterAsync("Sàn Chỉ Của Mình", $"https://{Guid.NewGuid():N}.example.vn");
        var other = await App.RegisterAsync("Sàn Khác", $"https://{Guid.NewGuid():N}.example.vn");
        var now = (await App.NowAsync()).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var good = Batch(platform.Id, Event("an", now, "login"));
        var path = $"api/platforms/{platform.Id}/activity";

        Assert.Equal(401, (await Api.SendAsync(HttpMethod.Post, path, body: good)).Status);
        Assert.Equal(403, (await Api.SendAsync(HttpMethod.Post, path, other.Key, good)).Status);
        Assert.Equal(403, (await Api.SendAsync(HttpMethod.Post, path, Regulator, good)).Status);
        Assert.Equal(403, (await Api.SendAsync(HttpMethod.Get, $"api/platforms/{platform.Id}/active-users", other.Key)).Status);
        Assert.Equal(415, (await Api.SendAsync(HttpMethod.Post, path, platform.Key, rawBody: "user=an", contentType: "text/plain")).Status);
        Assert.Equal(400, (await Api.SendAsync(HttpMethod.Post, path, platform.Key, rawBody: "{\"events\": [")).Status);
        Assert.Equal(["platformId"], (await Post(platform, Batch(other.Id, Event("an", now, "login")))).Fields);
        var tooMany = Batch(platform.Id, [.. Enumerable.Range(0, 10_001).Select(i => Event($"u{i}", now, "login"))]);
        Assert.Equal((400, "events"), ((await Post(platform, tooMany)).Status, (await Post(platform, tooMany)).Fields.Single()));
        Assert.Equal(["events"], (await Post(platform, new JsonObject { ["platformId"] = platform.Id, ["events"] = new JsonArray() })).Fields);
        Assert.Equal(["events", "extra"], (await Post(platform, new JsonObject { ["platformId"] = platform.Id, ["events"] = "many", ["extra"] = 1 })).Fields);
        var huge = await Api.SendAsync(HttpMethod.Post, path, platform.Key, rawBody: $"{{\"platformId\":\"{platform.Id}\",\"padding\":\"{new string('x', 4 * 1024 * 1024)}\"}}");
        Assert.Equal(413, huge.Status);
        Assert.Equal(["to"], (await Api.SendAsync(HttpMethod.Get, $"api/platforms/{platform.Id}/active-users?to=2026-13", platform.Key)).Fields);
        Assert.Equal(["from"], (await Api.SendAsync(HttpMethod.Get, $"api/platforms/{platform.Id}/active-users?from=2026-05&to=2026-01", platform.Key)).Fields);

        // Nothing of the refused requests was counted; the good one is.
        var read = await Api.SendAsync(HttpMethod.Get, $"api/platforms/{platform.Id}/active-users", platform.Key);
        Assert.Empty(read.Json["months"]!.AsArray());
        Assert.Equal(1, Int(await Post(platform, good), "accepted"));
        var month = (await Api.SendAsync(HttpMethod.Get, $"api/platforms/{platform.Id}/active-users", Regulator)).Json["months"]!.AsArray().Single()!;
        Assert.Equal((1, 1), (month["activeUsers"]!.GetValue<int>(), month["events"]!.GetValue<int>()));
    }

    private async Task<JsonNode> January((string Id, string Key) platform)
    {
        var read = await Api.SendAsync(HttpMethod.Get, $"api/platforms/{platform.Id}/active-users?from=2026-01&to=2026-01", platform.Key);
        Assert.Equal(200, read.Status);
        return read.Json["months"]!.AsArray().Single()!;
    }

    private static (int Users, int Abroad, int Events, bool Final) Figures(JsonNode month) => (
        month["activeUsers"]!.GetValue<int>(), month["activeUsersAbroad"]!.GetValue<int>(), month["events"]!.GetValue<int>(), month["final"]!.GetValue<bool>());

    private Task<ApiReply> Post((string Id, string Key) platform, JsonObject body) => Post(Api, platform, body);

    internal static Task<ApiReply> Post(PlatformsApi api, (string Id, string Key) platform, JsonObject body) =>
        api.SendAsync(HttpMethod.Post, $"api/platforms/{platform.Id}/activity", platform.Key, body);

    internal static JsonObject Batch(string platformId, params JsonObject[] events) =>
        new() { ["platformId"] = platformId, ["events"] = new JsonArray([.. events]) };

    /// <summary>An event of a user named here, hashed as a platform would (HMAC-SHA-256 with its own key).</summary>
    internal static JsonObject Event(string user, string at, string kind, bool inVietnam = true) => new()
    {
        ["user"] = Convert.ToHexStringLower(HMACSHA256.HashData("platform secret"u8, Encoding.UTF8.GetBytes(user))),
        ["at"] = at,
        ["kind"] = kind,
        ["inVietnam"] = inVietnam,
    };

    private async Task<int> BlobsAsync(string prefix)
    {
        var count = 0;
        await foreach (var _ in new BlobContainerClient(App.StorageConnectionString, ActivitySets.Container)
            .GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = prefix }, TestContext.Current.CancellationToken))
        {
            count++;
        }
        return count;
    }

    private async Task<int> BatchRowsAsync(string partition)
    {
        var count = 0;
        await foreach (var _ in new TableClient(App.StorageConnectionString, ActiveUsersStore.BatchesTable)
            .QueryAsync<TableEntity>(row => row.PartitionKey == partition, cancellationToken: TestContext.Current.CancellationToken))
        {
            count++;
        }
        return count;
    }

    private static int Int(ApiReply reply, string name) => reply.Json[name]!.GetValue<int>();
}
