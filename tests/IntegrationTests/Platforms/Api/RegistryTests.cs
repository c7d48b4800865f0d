using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Etransactions.Functions.Core.Storage;
using Etransactions.Functions.Platforms.Registry;
using Etransactions.TestSupport.Platforms;

namespace Etransactions.IntegrationTests.Platforms.Api;

/// <summary>The platform registry through the local host: who may do what, unique names and websites, every field checked.</summary>
[Collection(RegistryGroup.Name)]
public sealed class RegistryTests(RegistryApp shared)
{
    private const string Regulator = PlatformsApp.Regulator;

    private PlatformsApi Api => shared.App.Api;

    [Fact]
    public async Task The_regulator_registers_a_platform_and_its_key_is_shown_once()
    {
        var reply = await Api.SendAsync(HttpMethod.Post, "/api/platforms", Regulator, PlatformSamples.Registration("Sàn Thương Mại Sen Vàng", "https://senvang.example.vn"));

        Assert.Equal(201, reply.Status);
        var id = reply.Json["id"]!.GetValue<string>();
        Assert.Equal($"/api/platforms/{id}", reply.Header("Location"));
        Assert.Equal("no-store", reply.Header("Cache-Control"));
        Assert.Matches(@"^etp\.[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$", reply.Json["apiKey"]!.GetValue<string>());
        Assert.Equal(("Sàn Thương Mại Sen Vàng", true, 1), (reply.Json["name"]!.GetValue<string>(), reply.Json["intermediary"]!.GetValue<bool>(), reply.Json["revision"]!.GetValue<int>()));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", reply.Json["registeredAt"]!.GetValue<string>());

        var own = await Api.SendAsync(HttpMethod.Get, $"/api/platforms/{id}", reply.Json["apiKey"]!.GetValue<string>());
        Assert.Equal(200, own.Status);
        Assert.Equal("Trần Văn Bình", own.Json["administrator"]!["focalPoint"]!["name"]!.GetValue<string>());
        Assert.DoesNotContain("apiKey", own.Text, StringComparison.Ordinal);
        Assert.Equal(200, (await Api.SendAsync(HttpMethod.Get, $"/api/platforms/{id}", Regulator)).Status);
    }

    [Fact]
    public async Task Without_a_valid_key_it_is_401_and_a_platform_acting_beyond_its_own_data_is_403()
    {
        var a = await shared.App.RegisterAsync("Nền tảng A", "https://a.example.vn");
        var b = await shared.App.RegisterAsync("Nền tảng B", "https://b.example.vn");

        var none = await Api.SendAsync(HttpMethod.Get, $"/api/platforms/{a.Id}");
        Assert.Equal(401, none.Status);
        Assert.Contains("x-api-key", none.Header("WWW-Authenticate"), StringComparison.Ordinal);
        Assert.Equal("/problems/unauthorized", none.Json["type"]!.GetValue<string>());
        Assert.Equal(401, (await Api.SendAsync(HttpMethod.Get, $"/api/platforms/{a.Id}", a.Key + "x")).Status);
        Assert.Equal(401, (await Api.SendAsync(HttpMethod.Get, $"/api/platforms/{a.Id}", $"etp.{a.Id}.guess")).Status);
        Assert.Equal(401, (await Api.SendAsync(HttpMethod.Get, $"/api/platforms/{a.Id}", "not-a-key")).Status);

        var other = await Api.SendAsync(HttpMethod.Get, $"/api/platforms/{b.Id}", a.Key);
        Assert.Equal(403, other.Status);
        Assert.Equal("/problems/forbidden", other.Json["type"]!.GetValue<string>());
        Assert.Equal(403, (await Api.SendAsync(HttpMethod.Post, "/api/platforms", a.Key, PlatformSamples.Registration("X", "https://x.example.vn"))).Status);
        Assert.Equal(403, (await Api.SendAsync(HttpMethod.Get, "/api/platforms", a.Key)).Status);
        Assert.Equal(404, (await Api.SendAsync(HttpMethod.Get, "/api/platforms/unknown-id", Regulator)).Status);
        // Characters a table key cannot hold are an unknown platform too, not a storage error.
        Assert.Equal(404, (await Api.SendAsync(HttpMethod.Get, "/api/platforms/a%5Cb", Regulator)).Status);
    }

    [Fact]
    public async Task The_regulator_lists_the_platforms_in_the_order_registered()
    {
        var first = await shared.App.RegisterAsync("Sàn Liệt Kê Một", "https://lietke1.example.vn");
        var second = await shared.App.RegisterAsync("Sàn Liệt Kê Hai", "https://lietke2.example.vn");

        var listed = await Api.SendAsync(HttpMethod.Get, "/api/platforms", Regulator);

        Assert.Equal(200, listed.Status);
        var ids = listed.Json["platforms"]!.AsArray().Select(platform => platform!["id"]!.GetValue<string>()).ToList();
        Assert.True(ids.IndexOf(first.Id) is >= 0 and var at && at < ids.IndexOf(second.Id), string.Join(", ", ids));
    }

    [Fact]
    public async Task A_second_platform_with_the_same_name_or_website_however_written_is_a_409_naming_the_field()
    {
        await shared.App.RegisterAsync("Chợ Phiên Online", "https://www.chophien.example.vn/");

        var sameName = await Api.SendAsync(HttpMethod.Post, "/api/platforms", Regulator, PlatformSamples.Registration("  CHỢ PHIÊN   online ", "https://other.example.vn"));
        Assert.Equal(409, sameName.Status);
        Assert.Equal(("/problems/conflict", "name"), (sameName.Json["type"]!.GetValue<string>(), sameName.Json["field"]!.GetValue<string>()));
        var sameSite = await Api.SendAsync(HttpMethod.Post, "/api/platforms", Regulator, PlatformSamples.Registration("Chợ Khác", "http://chophien.example.vn"));
        Assert.Equal(409, sameSite.Status);
        Assert.Equal("website", sameSite.Json["field"]!.GetValue<string>());

        // The refused registration claimed nothing: its name is still free.
        Assert.Equal(201, (await Api.SendAsync(HttpMethod.Post, "/api/platforms", Regulator, PlatformSamples.Registration("Chợ Khác", "https://chokhac.example.vn"))).Status);
    }

    [Fact]
    public async Task Every_invalid_field_is_reported_at_once()
    {
        var body = PlatformSamples.Registration("", "ftp://files.example.vn", new JsonObject { ["operatingSince"] = "2015-02-30", ["intermediary"] = "yes" });
        body["administrator"]!["focalPoint"]!["email"] = "not-an-email";
        body["administrator"]!.AsObject().Remove("country");

        var reply = await Api.SendAsync(HttpMethod.Post, "/api/platforms", Regulator, body);

        Assert.Equal(400, reply.Status);
        Assert.StartsWith("application/problem+json", reply.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal(
            ["administrator.country", "administrator.focalPoint.email", "intermediary", "name", "operatingSince", "website"],
            reply.Fields.Order(StringComparer.Ordinal));
        var future = await Api.SendAsync(HttpMethod.Post, "/api/platforms", Regulator,
            PlatformSamples.Registration("Tương Lai", "https://tuonglai.example.vn", new JsonObject { ["operatingSince"] = "2030-01-01" }));
        Assert.Equal(400, future.Status);
        Assert.Equal(["operatingSince"], future.Fields);
    }

    [Fact]
    public async Task A_wrong_content_type_is_415_a_body_over_the_limit_413_and_malformed_JSON_400()
    {
        Assert.Equal(415, (await Api.SendAsync(HttpMethod.Post, "/api/platforms", Regulator, rawBody: "name=x", contentType: "text/plain")).Status);
        var big = PlatformSamples.Registration("Lớn", "https://lon.example.vn", new JsonObject { ["padding"] = new string('x', 70_000) });
        var tooLarge = await Api.SendAsync(HttpMethod.Post, "/api/platforms", Regulator, big);
        Assert.Equal((413, "/problems/payload-too-large"), (tooLarge.Status, tooLarge.Json["type"]!.GetValue<string>()));
        var broken = await Api.SendAsync(HttpMethod.Post, "/api/platforms", Regulator, rawBody: """{"name": "Hỏng",""");
        Assert.Equal(400, broken.Status);
        Assert.Equal(["(body)"], broken.Fields);
    }

    [Fact]
    public async Task The_regulator_changes_a_platform_keeping_the_earlier_revision_and_freeing_the_old_website()
    {
        var p = await shared.App.RegisterAsync("Sàn Đổi Tên", "https://doiten.example.vn");

        var reply = await Api.SendAsync(HttpMethod.Patch, $"/api/platforms/{p.Id}", Regulator, new JsonObject
        {
            ["website"] = "https://doiten-moi.example.vn",
            ["administrator"] = new JsonObject { ["focalPoint"] = new JsonObject { ["phone"] = "+84 24 3999 9999" } },
        });

        Assert.Equal(200, reply.Status);
        Assert.Equal(("https://doiten-moi.example.vn", 2), (reply.Json["website"]!.GetValue<string>(), reply.Json["revision"]!.GetValue<int>()));
        Assert.Equal("Công ty TNHH Chợ Tốt", reply.Json["administrator"]!["name"]!.GetValue<string>());
        Assert.Equal(("Trần Văn Bình", "+84 24 3999 9999"),
            (reply.Json["administrator"]!["focalPoint"]!["name"]!.GetValue<string>(), reply.Json["administrator"]!["focalPoint"]!["phone"]!.GetValue<string>()));
        var history = await new PlatformStore(new AppTables(new TableServiceClient(shared.App.StorageConnectionString))).HistoryAsync(p.Id, TestContext.Current.CancellationToken);
        Assert.Equal([(1, "https://doiten.example.vn")], history.Select(revision => (revision.Revision, revision.Website)));
        Assert.Equal(201, (await Api.SendAsync(HttpMethod.Post, "/api/platforms", Regulator, PlatformSamples.Registration("Sàn Lấy Web Cũ", "https://doiten.example.vn"))).Status);

        var taken = await Api.SendAsync(HttpMethod.Patch, $"/api/platforms/{p.Id}", Regulator, new JsonObject { ["name"] = "Sàn Lấy Web Cũ" });
        Assert.Equal((409, "name"), (taken.Status, taken.Json["field"]!.GetValue<string>()));
        var empty = await Api.SendAsync(HttpMethod.Patch, $"/api/platforms/{p.Id}", Regulator, new JsonObject());
        Assert.Equal((400, "(body)"), (empty.Status, empty.Fields.Single()));
        Assert.Equal(403, (await Api.SendAsync(HttpMethod.Patch, $"/api/platforms/{p.Id}", p.Key, new JsonObject { ["name"] = "Tự Đổi" })).Status);
        Assert.Equal(404, (await Api.SendAsync(HttpMethod.Patch, "/api/platforms/nobody", Regulator, new JsonObject { ["name"] = "Ai" })).Status);
    }
}
