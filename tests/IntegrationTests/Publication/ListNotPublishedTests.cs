using Etransactions.IntegrationTests.Platforms.Api;

namespace Etransactions.IntegrationTests.Publication;

/// <summary>Before the first run nothing is published; the first run publishes even a list with no platform on it.</summary>
public sealed class ListNotPublishedTests
{
    [Fact]
    public async Task Before_the_first_run_every_download_is_404_and_a_run_with_no_large_platform_publishes_an_empty_list()
    {
        await using var app = await PlatformsApp.StartAsync(new DateTimeOffset(2026, 2, 10, 3, 0, 0, TimeSpan.Zero));
        string[] routes = ["api/lists/large-platforms", "api/lists/large-platforms.json", "api/lists/large-platforms.csv", "api/lists/large-platforms.json.p7s", "api/lists/large-platforms/versions"];
        foreach (var route in routes)
        {
            var reply = await app.Api.SendAsync(HttpMethod.Get, route);
            Assert.Equal(404, reply.Status);
            Assert.Contains("not been published yet", reply.Json["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        await app.RunAsync("publishLargePlatformList");

        var json = await app.Api.SendAsync(HttpMethod.Get, "api/lists/large-platforms.json");
        Assert.Equal(200, json.Status);
        Assert.Equal((1, 0), (json.Json["version"]!.GetValue<int>(), json.Json["platforms"]!.AsArray().Count));
        var page = await app.Api.SendAsync(HttpMethod.Get, "api/lists/large-platforms?lang=en");
        Assert.Contains("No intermediary digital platform is currently determined", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", page.Text, StringComparison.Ordinal);
    }
}
