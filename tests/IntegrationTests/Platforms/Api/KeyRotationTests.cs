namespace Etransactions.IntegrationTests.Platforms.Api;

/// <summary>
/// Key rotation through the local host: earlier keys stop working, and an Idempotency-Key makes a lost reply
/// recoverable once within 24 hours on the app's clock.
/// </summary>
[Collection(RegistryGroup.Name)]
public sealed class KeyRotationTests(RegistryApp shared)
{
    private const string Regulator = PlatformsApp.Regulator;

    private PlatformsApi Api => shared.App.Api;

    [Fact]
    public async Task A_new_key_works_and_the_old_one_stops_and_the_regulator_can_issue_one()
    {
        var p = await shared.App.RegisterAsync("Sàn Xoay Khoá", "https://xoaykhoa.example.vn");

        var rotated = await Rotate(p.Id, p.Key);
        Assert.Equal(201, rotated.Status);
        Assert.Equal(("no-store", p.Id, 1), (rotated.Header("Cache-Control"), rotated.Json["platformId"]!.GetValue<string>(), rotated.Json["revokedKeys"]!.GetValue<int>()));
        Assert.Matches("^[0-9a-f]{16}$", rotated.Json["keyId"]!.GetValue<string>());
        var fresh = rotated.Json["apiKey"]!.GetValue<string>();
        Assert.Equal(401, (await Api.SendAsync(HttpMethod.Get, $"/api/platforms/{p.Id}", p.Key)).Status);
        Assert.Equal(200, (await Api.SendAsync(HttpMethod.Get, $"/api/platforms/{p.Id}", fresh)).Status);

        // The regulator issues a key to a platform that lost its own.
        var issued = await Rotate(p.Id, Regulator);
        Assert.Equal(201, issued.Status);
        Assert.Equal(401, (await Api.SendAsync(HttpMethod.Get, $"/api/platforms/{p.Id}", fresh)).Status);
        Assert.Equal(200, (await Api.SendAsync(HttpMethod.Get, $"/api/platforms/{p.Id}", issued.Json["apiKey"]!.GetValue<string>())).Status);
    }

    [Fact]
    public async Task Only_the_platform_itself_or_the_regulator_rotates_and_an_unknown_platform_is_404()
    {
        var a = await shared.App.RegisterAsync("Sàn Khoá A", "https://khoa-a.example.vn");
        var b = await shared.App.RegisterAsync("Sàn Khoá B", "https://khoa-b.example.vn");

        Assert.Equal(403, (await Rotate(b.Id, a.Key)).Status);
        Assert.Equal(401, (await Rotate(b.Id, null)).Status);
        Assert.Equal(404, (await Rotate("no-such-platform", Regulator)).Status);
        Assert.Equal(200, (await Api.SendAsync(HttpMethod.Get, $"/api/platforms/{b.Id}", b.Key)).Status);
    }

    [Fact]
    public async Task The_same_Idempotency_Key_gives_the_same_new_key_once_more_even_to_the_revoked_key_then_never_again()
    {
        var p = await shared.App.RegisterAsync("Sàn Mất Trả Lời", "https://mattraloi.example.vn");
        var idempotency = Guid.NewGuid().ToString();

        var first = await Rotate(p.Id, p.Key, idempotency);
        // The reply was lost: the platform asks again with its old key, which the rotation revoked.
        var replay = await Rotate(p.Id, p.Key, idempotency);
        var third = await Rotate(p.Id, p.Key, idempotency);

        Assert.Equal(201, first.Status);
        Assert.Equal(201, replay.Status);
        Assert.Equal("true", replay.Header("Idempotent-Replayed"));
        Assert.Equal(first.Json.ToJsonString(), replay.Json.ToJsonString());
        var key = first.Json["apiKey"]!.GetValue<string>();
        Assert.Equal(200, (await Api.SendAsync(HttpMethod.Get, $"/api/platforms/{p.Id}", key)).Status);
        Assert.Equal(409, third.Status);
        Assert.DoesNotContain(key, third.Text, StringComparison.Ordinal);

        // With the new key itself, the same header still gives nothing more.
        var withNewKey = await Rotate(p.Id, key, idempotency);
        Assert.Equal((409, "/problems/conflict"), (withNewKey.Status, withNewKey.Json["type"]!.GetValue<string>()));
        Assert.DoesNotContain(key, withNewKey.Text, StringComparison.Ordinal);
        Assert.Equal(200, (await Api.SendAsync(HttpMethod.Get, $"/api/platforms/{p.Id}", key)).Status);
    }

    [Fact]
    public async Task Another_Idempotency_Key_gives_another_key_and_the_earlier_one_is_not_replayed_once_replaced()
    {
        var p = await shared.App.RegisterAsync("Sàn Hai Lần Xoay", "https://hailanxoay.example.vn");
        var firstHeader = Guid.NewGuid().ToString();

        var first = await Rotate(p.Id, p.Key, firstHeader);
        var firstKey = first.Json["apiKey"]!.GetValue<string>();
        var second = await Rotate(p.Id, firstKey, Guid.NewGuid().ToString());
        var secondKey = second.Json["apiKey"]!.GetValue<string>();

        Assert.Equal((201, 201), (first.Status, second.Status));
        Assert.NotEqual(firstKey, secondKey);
        Assert.Equal(401, (await Api.SendAsync(HttpMethod.Get, $"/api/platforms/{p.Id}", firstKey)).Status);
        Assert.Equal(200, (await Api.SendAsync(HttpMethod.Get, $"/api/platforms/{p.Id}", secondKey)).Status);
        // The first rotation's key has been replaced: its replay gives nothing, not even the revoked key.
        var stale = await Rotate(p.Id, secondKey, firstHeader);
        Assert.Equal(409, stale.Status);
        Assert.DoesNotContain(firstKey, stale.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_24_hours_the_same_Idempotency_Key_gives_a_new_key()
    {
        var p = await shared.App.RegisterAsync("Sàn Một Ngày Sau", "https://motngaysau.example.vn");
        var idempotency = Guid.NewGuid().ToString();
        var first = await Rotate(p.Id, p.Key, idempotency);
        var firstKey = first.Json["apiKey"]!.GetValue<string>();

        await shared.App.MoveClockAsync((await shared.App.NowAsync()).AddHours(24).AddMinutes(1));
        var staleOldKey = await Rotate(p.Id, p.Key, idempotency);
        var later = await Rotate(p.Id, firstKey, idempotency);

        Assert.Equal(401, staleOldKey.Status);
        Assert.Equal(201, later.Status);
        Assert.Null(later.Header("Idempotent-Replayed"));
        Assert.NotEqual(firstKey, later.Json["apiKey"]!.GetValue<string>());
        Assert.Equal(1, later.Json["revokedKeys"]!.GetValue<int>());
        Assert.Equal(401, (await Api.SendAsync(HttpMethod.Get, $"/api/platforms/{p.Id}", firstKey)).Status);
    }

    [Fact]
    public async Task A_guessable_Idempotency_Key_is_refused_and_nothing_changes()
    {
        var p = await shared.App.RegisterAsync("Sàn Khoá Ngắn", "https://khoangan.example.vn");

        var refused = await Rotate(p.Id, p.Key, "1");

        Assert.Equal((400, "Idempotency-Key"), (refused.Status, refused.Fields.Single()));
        Assert.Equal(200, (await Api.SendAsync(HttpMethod.Get, $"/api/platforms/{p.Id}", p.Key)).Status);
    }

    private Task<ApiReply> Rotate(string platformId, string? key, string? idempotencyKey = null) =>
        Api.SendAsync(HttpMethod.Post, $"/api/platforms/{platformId}/keys", key,
            headers: idempotencyKey is null ? null : new Dictionary<string, string> { ["Idempotency-Key"] = idempotencyKey });
}
