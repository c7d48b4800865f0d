using System.Text.Json.Nodes;
using Etransactions.Functions.ActiveUsers.Months;
using Etransactions.IntegrationTests.Platforms.Api;

namespace Etransactions.IntegrationTests.ActiveUsers;

/// <summary>The app started on 1 March 2026, its clock walked a year on through the months' ends.</summary>
public sealed class TwelveMonthsApp() : SharedPlatformsApp(new DateTimeOffset(2026, 3, 1, 3, 0, 0, TimeSpan.Zero));

/// <summary>A year of measured months: the last twelve finalized ones averaged and classified (Art. 17.4).</summary>
public sealed class TwelveMonthsTests(TwelveMonthsApp shared) : IClassFixture<TwelveMonthsApp>
{
    private PlatformsApp App => shared.App;

    private PlatformsApi Api => shared.App.Api;

    [Fact]
    public async Task Twelve_finalized_months_are_averaged_and_classified()
    {
        await App.RecordPopulationAsync();
        var platform = await App.RegisterAsync("Sàn Mười Hai Tháng", $"https://{Guid.NewGuid():N}.example.vn");
        var start = new DateTimeOffset(2026, 3, 1, 3, 0, 0, TimeSpan.Zero);
        for (var month = 0; month < 12; month++)
        {
            var at = start.AddMonths(month);
            await App.MoveClockAsync(at);
            var users = Enumerable.Range(0, month + 1).Select(i => ActivityApiTests.Event($"user {i}", at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), "login")).ToArray();
            Assert.Equal(month + 1, (await ActivityApiTests.Post(Api, platform, ActivityApiTests.Batch(platform.Id, users))).Json["accepted"]!.GetValue<int>());
            await App.MoveClockAsync(at.AddMonths(1).AddDays(4));
            await App.RunAsync(FinalizeActiveUsersFunction.Name);
        }

        var read = await Api.SendAsync(HttpMethod.Get, $"api/platforms/{platform.Id}/active-users?from=2026-03&to=2027-02", platform.Key);

        Assert.Equal(200, read.Status);
        Assert.Equal(Enumerable.Range(1, 12), read.Json["months"]!.AsArray().Select(m => m!["activeUsers"]!.GetValue<int>()));
        var twelve = read.Json["lastTwelveMonths"]!;
        Assert.Equal(("2026-03", "2027-02", 12), (twelve["firstMonth"]!.GetValue<string>(), twelve["lastMonth"]!.GetValue<string>(), twelve["monthsMeasured"]!.GetValue<int>()));
        Assert.Equal((6.5, "none"), (twelve["classification"]!["averageMonthlyActiveUsers"]!.GetValue<double>(), twelve["classification"]!["scale"]!.GetValue<string>()));

        // The platform's own figures for 2026 (cycle 2027, sent late) beside the ten months measured of them.
        var put = await Api.SendAsync(HttpMethod.Put, $"api/platforms/{platform.Id}/statistics/2027", platform.Key,
            Etransactions.TestSupport.Platforms.PlatformSamples.Statistics("2026-01", 5));
        Assert.Equal(201, put.Status);
        var determination = (await Api.SendAsync(HttpMethod.Get, $"api/platforms/{platform.Id}/determinations/2027", platform.Key)).Json;
        var measured = determination["measured"]!;
        Assert.Equal((10, 50L, 55L, -9.09, 5.0, true), (
            measured["monthsMeasured"]!.GetValue<int>(), measured["reportedTotal"]!.GetValue<long>(), measured["measuredTotal"]!.GetValue<long>(),
            measured["differencePercent"]!.GetValue<double>(), measured["thresholdPercent"]!.GetValue<double>(), measured["flagged"]!.GetValue<bool>()));
        Assert.Null(measured["months"]![0]!["measured"]);
        Assert.Equal((5, 10), (measured["months"]![11]!["reported"]!.GetValue<int>(), measured["months"]![11]!["measured"]!.GetValue<int>()));
    }
}
