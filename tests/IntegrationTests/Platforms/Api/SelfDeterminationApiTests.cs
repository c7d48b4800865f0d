using System.Text.Json.Nodes;
using Etransactions.IntegrationTests.Support;
using Etransactions.TestSupport.Platforms;

namespace Etransactions.IntegrationTests.Platforms.Api;

/// <summary>The platforms bar through the API alone: statistics PUT, the orchestration it starts, the regulator's review.</summary>
[Collection(StatisticsGroup.Name)]
public sealed class SelfDeterminationApiTests(StatisticsApp shared)
{
    private PlatformsApi Api => shared.App.Api;

    [Fact]
    public async Task Statistics_at_three_and_a_half_percent_are_reported_and_once_accepted_determined()
    {
        await shared.App.RecordPopulationAsync();
        var platform = await shared.App.RegisterAsync("Sàn Ba Phẩy Năm", $"https://{Guid.NewGuid():N}.example.vn");
        var average = Math.Round(PlatformSamples.PopulationValue * 0.035m);

        var put = await Api.SendAsync(HttpMethod.Put, $"api/platforms/{platform.Id}/statistics/2026", platform.Key, PlatformSamples.Statistics("2025-01", average));
        Assert.Equal(201, put.Status);
        Assert.Equal("large", put.Json["classification"]!["scale"]!.GetValue<string>());

        var reported = await shared.App.DeterminationWhenAsync(platform.Id, "reported", platform.Key);
        Assert.Equal(("large", 1), (reported["scale"]!.GetValue<string>(), reported["submissionVersion"]!.GetValue<int>()));

        var review = await Api.SendAsync(HttpMethod.Post, $"api/platforms/{platform.Id}/determinations/2026/review", PlatformsApp.Regulator,
            new JsonObject { ["decision"] = "accept", ["reason"] = "Số liệu đầy đủ, phương pháp đo phù hợp" });
        Assert.Equal(202, review.Status);

        var determined = await shared.App.DeterminationWhenAsync(platform.Id, "determined", platform.Key);
        Assert.Equal(1, determined["acceptedVersion"]!.GetValue<int>());
    }
}
