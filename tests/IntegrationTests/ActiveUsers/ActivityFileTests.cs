using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Etransactions.Functions.ActiveUsers.Intake;
using Etransactions.IntegrationTests.Platforms.Api;
using Etransactions.IntegrationTests.Support;

namespace Etransactions.IntegrationTests.ActiveUsers;

/// <summary>Daily activity files uploaded to the container <c>activity</c>, counted by the blob trigger with a receipt the platform reads.</summary>
public sealed class ActivityFileTests(ActivityApp shared) : IClassFixture<ActivityApp>
{
    private PlatformsApp App => shared.App;

    [Fact]
    public async Task A_file_is_counted_line_by_line_with_its_bad_lines_reported_by_number_and_kept()
    {
        var platform = await App.RegisterAsync("Sàn Gửi Tệp", $"https://{Guid.NewGuid():N}.example.vn");
        var now = await App.NowAsync();
        var at = now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var day = ActivityWindow.DayOf(now);
        var lines = new List<string>();
        for (var i = 0; i < 2_000; i++)
        {
            lines.Add(ActivityApiTests.Event($"file user {i % 1_500}", at, "access", inVietnam: i % 100 != 0).ToJsonString());
        }
        lines.Insert(10, "{\"user\":\"not a hash\",\"at\":\"" + at + "\",\"kind\":\"login\",\"inVietnam\":true}");
        lines.Insert(20, "not json at all");
        lines.Insert(30, "");
        lines.Insert(40, new string('x', 5_000));
        var name = $"{platform.Id}/{day}/day-{Guid.NewGuid():N}.ndjson.gz";
        await UploadAsync(name, Gzip(string.Join("\n", lines) + "\n"));

        var receipt = await ReceiptAsync(platform, "counted");
        Assert.Equal((2_004, 2_000, 3), (Long(receipt, "lines"), Long(receipt, "accepted"), Long(receipt, "rejected")));
        Assert.Equal([(11L, "user"), (21L, "(event)"), (41L, "(event)")],
            receipt["errors"]!.AsArray().Select(e => (e!["line"]!.GetValue<long>(), e["field"]!.GetValue<string>())));
        var month = (await App.Api.SendAsync(HttpMethod.Get, $"api/platforms/{platform.Id}/active-users", platform.Key)).Json["months"]!.AsArray().Single()!;
        // 1,500 users; the 15 whose number is a multiple of 100 were only ever outside Vietnam.
        Assert.Equal((1_485, 15, 2_000), (month["activeUsers"]!.GetValue<int>(), month["activeUsersAbroad"]!.GetValue<int>(), month["events"]!.GetValue<int>()));

        // The same name with other content is refused, the first count kept; what is not gzip is refused too; nothing is deleted.
        await UploadAsync(name, Gzip(lines[0]));
        Assert.Contains("new name", (await ReceiptAsync(platform, "refused"))["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        var kept = await ReceiptAsync(platform, "counted");
        Assert.Equal((2_000L, receipt["countedAt"]!.GetValue<string>()), (Long(kept, "accepted"), kept["countedAt"]!.GetValue<string>()));
        await UploadAsync($"{platform.Id}/{day}/plain.ndjson.gz", Encoding.UTF8.GetBytes(lines[0]));
        Assert.Contains("gzip", (await ReceiptAsync(platform, "refused", name: "plain.ndjson.gz"))["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        var again = (await App.Api.SendAsync(HttpMethod.Get, $"api/platforms/{platform.Id}/active-users", platform.Key)).Json["months"]!.AsArray().Single()!;
        Assert.Equal(2_000, again["events"]!.GetValue<int>());

        // Nothing was counted of the file that was not gzip: its name is free for the file it should have been.
        await UploadAsync($"{platform.Id}/{day}/plain.ndjson.gz", Gzip(lines[0]));
        Assert.Equal(1, Long(await ReceiptAsync(platform, "counted", name: "plain.ndjson.gz"), "accepted"));
        Assert.True(await new BlobContainerClient(App.StorageConnectionString, "activity").GetBlobClient(name).ExistsAsync(TestContext.Current.CancellationToken));
        var other = await App.RegisterAsync("Sàn Không Được Xem", $"https://{Guid.NewGuid():N}.example.vn");
        Assert.Equal(403, (await App.Api.SendAsync(HttpMethod.Get, $"api/platforms/{platform.Id}/activity/files", other.Key)).Status);
    }

    private async Task UploadAsync(string name, byte[] content)
    {
        var container = new BlobContainerClient(App.StorageConnectionString, "activity");
        await container.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        await container.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(content), overwrite: true, TestContext.Current.CancellationToken);
    }

    private Task<JsonNode> ReceiptAsync((string Id, string Key) platform, string status, string? name = null) =>
        Eventually.GetAsync(async () =>
        {
            var files = (await App.Api.SendAsync(HttpMethod.Get, $"api/platforms/{platform.Id}/activity/files", platform.Key)).Json["files"]?.AsArray();
            return files?.FirstOrDefault(file => file!["status"]!.GetValue<string>() == status && (name is null || file["name"]!.GetValue<string>() == name));
        }, $"a {status} activity file", TimeSpan.FromSeconds(60), () => App.App.Log.Tail());

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }
        return output.ToArray();
    }

    private static long Long(JsonNode node, string name) => node[name]!.GetValue<long>();
}
