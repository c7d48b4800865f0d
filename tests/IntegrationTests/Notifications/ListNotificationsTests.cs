using System.Net;
using System.Text.Json.Nodes;
using Etransactions.Functions.Notifications;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Etransactions.IntegrationTests.Notifications;

/// <summary><c>GET /api/notifications</c> through the local host: the regulator sees all, a platform only its own.</summary>
[Collection(NotificationsAppTests.Name)]
public sealed class ListNotificationsTests(NotificationsApp notifications)
{
    private const string RegulatorKey = NotificationsApp.RegulatorKey;
    private static readonly DateTimeOffset RecordedAt = new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>A platform of the test's own with three notifications, the newest published.</summary>
    private async Task<(string PlatformId, Notification Started, Notification Reminded, Notification Overdue)> SeedAsync()
    {
        var platform = TestNotifications.NewId("p");
        var started = TestNotifications.Sample(TestNotifications.NewId("a-1"), platform, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), "selfDetermination.started");
        var reminded = TestNotifications.Sample(TestNotifications.NewId("a-2"), platform, new DateTimeOffset(2026, 1, 16, 17, 0, 0, TimeSpan.Zero));
        var overdue = TestNotifications.Sample(TestNotifications.NewId("a-3"), platform, new DateTimeOffset(2026, 1, 30, 17, 0, 0, TimeSpan.Zero), "selfDetermination.overdue");
        await notifications.Store.RecordAsync(started, RecordedAt, Cancellation);
        await notifications.Store.RecordAsync(reminded, RecordedAt, Cancellation);
        var notifier = new Notifier(notifications.Store, new KeepingPublisher(), new FakeTimeProvider(RecordedAt.AddMinutes(1)), NullLogger<Notifier>.Instance);
        await notifier.NotifyAsync(overdue, Cancellation);
        return (platform, started, reminded, overdue);
    }

    private static IEnumerable<string> Ids(JsonObject? body) =>
        body!["notifications"]!.AsArray().Select(notification => notification!["id"]!.GetValue<string>());

    [Fact]
    public async Task Regulator_ListsAPlatformsNotificationsNewestFirst_AsTheyWereSent()
    {
        var (platform, started, reminded, overdue) = await SeedAsync();

        var (reply, body) = await notifications.GetAsync($"api/notifications?platformId={platform}", RegulatorKey);

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Equal("no-store", reply.Headers.CacheControl?.ToString());
        Assert.Equal("application/json", reply.Content.Headers.ContentType?.MediaType);
        Assert.Equal(3, body!["count"]!.GetValue<int>());
        Assert.Equal([overdue.Id, reminded.Id, started.Id], Ids(body));
        var newest = body["notifications"]![0]!.AsObject();
        var expected = overdue.ToJsonObject();
        expected["recordedAt"] = "2026-02-01T00:01:00.000Z";
        expected["publishedAt"] = "2026-02-01T00:01:00.000Z";
        Assert.True(JsonNode.DeepEquals(expected, newest), newest.ToJsonString());
        Assert.Equal("Nhắc hạn: còn 3 ngày", newest["subject"]!["vi"]!.GetValue<string>());
        Assert.False(body["notifications"]![1]!.AsObject().ContainsKey("publishedAt"));
    }

    [Fact]
    public async Task Regulator_FiltersByTypeAndLimits_AndSeesEveryPlatform()
    {
        var (platform, started, _, _) = await SeedAsync();
        var (other, _, _, otherOverdue) = await SeedAsync();

        var (_, ofType) = await notifications.GetAsync($"api/notifications?platformId={platform}&type=selfDetermination.started", RegulatorKey);
        var (_, two) = await notifications.GetAsync("api/notifications?limit=2", RegulatorKey);
        var (_, all) = await notifications.GetAsync("api/notifications?limit=1000&type=selfDetermination.overdue", RegulatorKey);

        Assert.Equal([started.Id], Ids(ofType));
        Assert.Equal(2, two!["count"]!.GetValue<int>());
        Assert.Equal(2, Ids(two).Count());
        Assert.Contains(otherOverdue.Id, Ids(all));
        Assert.All(all!["notifications"]!.AsArray(), notification => Assert.Equal("selfDetermination.overdue", notification!["type"]!.GetValue<string>()));
        Assert.Contains(all["notifications"]!.AsArray(), notification => notification!["platformId"]!.GetValue<string>() == platform);
        Assert.Contains(all["notifications"]!.AsArray(), notification => notification!["platformId"]!.GetValue<string>() == other);
    }

    [Fact]
    public async Task Platform_SeesOnlyItsOwn_AndIsRefusedAnothers()
    {
        var (platform, started, reminded, overdue) = await SeedAsync();
        var (other, _, _, _) = await SeedAsync();
        var key = await notifications.PlatformKeyAsync(platform);

        var (own, ownBody) = await notifications.GetAsync("api/notifications", key);
        var (_, named) = await notifications.GetAsync($"api/notifications?platformId={platform}&limit=1", key);
        var (others, othersBody) = await notifications.GetAsync($"api/notifications?platformId={other}", key);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal([overdue.Id, reminded.Id, started.Id], Ids(ownBody));
        Assert.Equal([overdue.Id], Ids(named));
        Assert.Equal(HttpStatusCode.Forbidden, others.StatusCode);
        Assert.Equal("application/problem+json", others.Content.Headers.ContentType?.MediaType);
        Assert.Equal("/problems/forbidden", othersBody!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task MissingOrUnknownKeys_AreUnauthorized_AndAnAgencyIsForbidden()
    {
        var (platform, _, _, _) = await SeedAsync();
        var agencyKey = (await notifications.Keys.IssueAsync(Functions.ApiKeys.ApiKey.AgencyPrefix, "000.00.00.H26", Cancellation)).Key;

        var (none, noneBody) = await notifications.GetAsync("api/notifications", null);
        var (unknown, _) = await notifications.GetAsync("api/notifications", "etp.x.y");
        var (revokedLike, _) = await notifications.GetAsync("api/notifications", $"etp.{platform}.not-its-secret");
        var (agency, _) = await notifications.GetAsync("api/notifications", agencyKey);
        var (agencyNamed, _) = await notifications.GetAsync($"api/notifications?platformId={platform}", agencyKey);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);
        Assert.Equal("/problems/unauthorized", noneBody!["type"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, revokedLike.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, agency.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, agencyNamed.StatusCode);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("ten")]
    [InlineData("")]
    public async Task ALimitOutsideOneToAThousand_IsAValidationProblem(string limit)
    {
        var (reply, body) = await notifications.GetAsync($"api/notifications?limit={Uri.EscapeDataString(limit)}", RegulatorKey);

        Assert.Equal(HttpStatusCode.BadRequest, reply.StatusCode);
        Assert.Equal("/problems/validation", body!["type"]!.GetValue<string>());
        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal("limit", error["field"]!.GetValue<string>());
        Assert.Equal("Một số nguyên từ 1 đến 1000 / A whole number from 1 to 1000.", error["message"]!.GetValue<string>());
    }
}
