using System.Text.Json.Nodes;
using Etransactions.TestSupport.Platforms;

namespace Etransactions.IntegrationTests.Platforms.Api;

/// <summary>Official population figures through the local host: versioned, for the regulator only.</summary>
[Collection(RegistryGroup.Name)]
public sealed class PopulationTests(RegistryApp shared)
{
    private const string Regulator = PlatformsApp.Regulator;

    private static readonly JsonObject Figure = new() { ["value"] = 101_300_000, ["source"] = "Tổng cục Thống kê", ["announcedOn"] = "2025-01-06" };

    private PlatformsApi Api => shared.App.Api;

    [Fact]
    public async Task The_same_figure_changes_nothing_and_a_correction_is_a_new_version()
    {
        var first = await Api.SendAsync(HttpMethod.Put, "/api/population/2023", Regulator, Figure);
        Assert.Equal(201, first.Status);
        Assert.Equal((2023, 1, true), (first.Json["year"]!.GetValue<int>(), first.Json["version"]!.GetValue<int>(), first.Json["changed"]!.GetValue<bool>()));
        var again = await Api.SendAsync(HttpMethod.Put, "/api/population/2023", Regulator, Figure);
        Assert.Equal((200, 1, false), (again.Status, again.Json["version"]!.GetValue<int>(), again.Json["changed"]!.GetValue<bool>()));

        var correction = (JsonObject)Figure.DeepClone();
        correction["value"] = 101_350_000;
        var corrected = await Api.SendAsync(HttpMethod.Put, "/api/population/2023", Regulator, correction);
        Assert.Equal((2, 101_350_000L), (corrected.Json["version"]!.GetValue<int>(), corrected.Json["value"]!.GetValue<long>()));

        var read = await Api.SendAsync(HttpMethod.Get, "/api/population/2023", Regulator);
        Assert.Equal(200, read.Status);
        Assert.Equal([101_300_000L, 101_350_000L], read.Json["versions"]!.AsArray().Select(version => version!["value"]!.GetValue<long>()));
        Assert.Equal(2, read.Json["current"]!["version"]!.GetValue<int>());
        Assert.Equal("2025-01-06", read.Json["current"]!["announcedOn"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_the_regulator_reads_and_writes_for_a_past_or_current_year_announced_by_today()
    {
        var p = await shared.App.RegisterAsync("Sàn Dân Số", "https://danso.example.vn");
        Assert.Equal(403, (await Api.SendAsync(HttpMethod.Put, "/api/population/2023", p.Key, Figure)).Status);
        Assert.Equal(403, (await Api.SendAsync(HttpMethod.Get, "/api/population/2023", p.Key)).Status);
        Assert.Equal(["year"], (await Api.SendAsync(HttpMethod.Put, "/api/population/2099", Regulator, Figure)).Fields);
        Assert.Equal(["year"], (await Api.SendAsync(HttpMethod.Put, "/api/population/20x3", Regulator, Figure)).Fields);

        var future = (JsonObject)Figure.DeepClone();
        future["announcedOn"] = "2027-01-01";
        Assert.Equal(["announcedOn"], (await Api.SendAsync(HttpMethod.Put, "/api/population/2025", Regulator, future)).Fields);
        var bad = await Api.SendAsync(HttpMethod.Put, "/api/population/2025", Regulator, new JsonObject { ["value"] = -3, ["source"] = "" });
        Assert.Equal(["announcedOn", "source", "value"], bad.Fields.Order(StringComparer.Ordinal));
        Assert.Equal(404, (await Api.SendAsync(HttpMethod.Get, "/api/population/1999", Regulator)).Status);
    }

    [Fact]
    public async Task A_figure_is_refused_without_a_key_and_read_as_JSON_only()
    {
        Assert.Equal(401, (await Api.SendAsync(HttpMethod.Put, "/api/population/2024", body: PlatformSamples.Population())).Status);
        Assert.Equal(415, (await Api.SendAsync(HttpMethod.Put, "/api/population/2024", Regulator, rawBody: "value=1", contentType: "text/plain")).Status);
    }
}
