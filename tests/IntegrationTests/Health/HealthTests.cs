using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Etransactions.IntegrationTests.Support;

namespace Etransactions.IntegrationTests.Health;

/// <summary>The functions app itself, run by the local host: its health check against real Azurite, up and down.</summary>
public sealed class HealthTests(SharedAzurite azurite)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_IsHealthyWithTheVersionAndEachStorageService()
    {
        await using var app = await AppHost.StartAsync(azurite.ConnectionString, AppHost.FunctionsProject);

        using var reply = await app.Http.GetAsync(new Uri("api/health", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Equal("no-store", reply.Headers.CacheControl?.ToString());
        var report = await reply.Content.ReadFromJsonAsync<JsonObject>(Cancellation);
        Assert.Equal("healthy", report!["status"]!.GetValue<string>());
        Assert.Matches(@"^\d+\.\d+\.\d+", report["version"]!.GetValue<string>());
        foreach (var service in new[] { "blob", "queue", "table" })
        {
            Assert.Equal("up", report["checks"]![service]!["status"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Health_NamesWhatIsDownWhenStorageStops()
    {
        var folder = TempFolder.Create("azurite");
        var own = await SharedAzurite.StartOwnAsync(folder);
        await using var app = await AppHost.StartAsync(own.ConnectionString, AppHost.FunctionsProject);
        try
        {
            await own.DisposeAsync();

            using var reply = await app.Http.GetAsync(new Uri("api/health", UriKind.Relative), Cancellation);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, reply.StatusCode);
            var report = await reply.Content.ReadFromJsonAsync<JsonObject>(Cancellation);
            Assert.Equal("unhealthy", report!["status"]!.GetValue<string>());
            Assert.Equal(["blob", "queue", "table"], report["down"]!.AsArray().Select(n => n!.GetValue<string>()));
            Assert.False(string.IsNullOrEmpty(report["checks"]!["blob"]!["error"]?.GetValue<string>()));
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    [Fact]
    public async Task MovedClock_IsTheTimeTheAppReads()
    {
        await using var app = await AppHost.StartAsync(azurite.ConnectionString, AppHost.FunctionsProject);
        var deadline = new DateTimeOffset(2027, 1, 31, 0, 0, 0, TimeSpan.FromHours(7));

        using var moved = await app.Http.PostAsJsonAsync(new Uri("admin/clock", UriKind.Relative), new { now = deadline }, Cancellation);
        var report = await app.Http.GetFromJsonAsync<JsonObject>(new Uri("api/health", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var appNow = DateTimeOffset.Parse(report!["checkedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(appNow, deadline, deadline.AddSeconds(30));
    }

    [Fact]
    public async Task PurgeTimer_RunsByHandThroughTheAppsDurableClient()
    {
        await using var app = await AppHost.StartAsync(azurite.ConnectionString, AppHost.FunctionsProject);

        using var reply = await app.Http.PostAsync(new Uri("admin/functions/purgeOrchestrationHistory", UriKind.Relative), null, Cancellation);

        Assert.Equal(HttpStatusCode.Accepted, reply.StatusCode);
    }
}
