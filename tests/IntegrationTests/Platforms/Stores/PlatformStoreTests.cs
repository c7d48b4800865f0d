using Azure.Data.Tables;
using Etransactions.Functions.Core.Problems;
using Etransactions.Functions.Core.Storage;
using Etransactions.Functions.Platforms.Registry;
using Etransactions.IntegrationTests.Support;

namespace Etransactions.IntegrationTests.Platforms.Stores;

/// <summary>The registry on Azurite: names and websites are unique however written, and every revision is kept.</summary>
public sealed class PlatformStoreTests(SharedAzurite azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 3, 0, 0, TimeSpan.Zero);

    private readonly PlatformStore _store = new(new AppTables(new TableServiceClient(azurite.ConnectionString)));

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_name_or_website_taken_however_written_is_a_conflict_naming_the_field_and_claims_nothing()
    {
        var tag = Unique();
        await _store.RegisterAsync(NewId(), Registration($"Chợ Phiên {tag}", $"https://www.chophien-{tag}.example.vn/"), Now, Cancellation);

        var sameName = await Assert.ThrowsAsync<ConflictException>(() =>
            _store.RegisterAsync(NewId(), Registration($"  CHỢ PHIÊN   {tag.ToUpperInvariant()} ", $"https://other-{tag}.example.vn"), Now, Cancellation));
        var sameSite = await Assert.ThrowsAsync<ConflictException>(() =>
            _store.RegisterAsync(NewId(), Registration($"Chợ Khác {tag}", $"http://chophien-{tag}.example.vn?from=ads"), Now, Cancellation));

        Assert.Equal("name", sameName.Extensions["field"]);
        Assert.Equal("website", sameSite.Extensions["field"]);
        // The refused registrations claimed nothing: their other values are still free.
        await _store.RegisterAsync(NewId(), Registration($"Chợ Khác {tag}", $"https://other-{tag}.example.vn"), Now, Cancellation);
    }

    [Fact]
    public async Task A_change_keeps_the_earlier_revision_and_frees_the_old_website()
    {
        var tag = Unique();
        var id = NewId();
        await _store.RegisterAsync(id, Registration($"Sàn Đổi Tên {tag}", $"https://doiten-{tag}.example.vn"), Now, Cancellation);

        var patch = new PlatformPatch(Website: $"https://doiten-moi-{tag}.example.vn", Administrator: new AdministratorPatch(FocalPoint: new FocalPointPatch(Phone: "+84 24 3999 9999")));
        var after = await _store.UpdateAsync(id, patch, Now.AddDays(1), Cancellation);

        Assert.Equal((2, $"https://doiten-moi-{tag}.example.vn", "+84 24 3999 9999", "Trần Văn Bình"), (after.Revision, after.Website, after.Administrator.FocalPoint.Phone, after.Administrator.FocalPoint.Name));
        Assert.Equal(after, await _store.GetAsync(id, Cancellation));
        Assert.Equal([(1, $"https://doiten-{tag}.example.vn")], (await _store.HistoryAsync(id, Cancellation)).Select(r => (r.Revision, r.Website)));
        await _store.RegisterAsync(NewId(), Registration($"Sàn Lấy Web Cũ {tag}", $"https://doiten-{tag}.example.vn"), Now, Cancellation);
        var taken = await Assert.ThrowsAsync<ConflictException>(() => _store.UpdateAsync(id, new PlatformPatch(Name: $"Sàn Lấy Web Cũ {tag}"), Now, Cancellation));
        Assert.Equal("name", taken.Extensions["field"]);
    }

    [Fact]
    public async Task A_change_to_the_same_name_written_differently_keeps_its_claim()
    {
        var tag = Unique();
        var id = NewId();
        await _store.RegisterAsync(id, Registration($"Sàn Viết Hoa {tag}", $"https://viethoa-{tag}.example.vn"), Now, Cancellation);

        var after = await _store.UpdateAsync(id, new PlatformPatch(Name: $"SÀN VIẾT HOA {tag}"), Now, Cancellation);

        Assert.Equal($"SÀN VIẾT HOA {tag}", after.Name);
        await Assert.ThrowsAsync<ConflictException>(() =>
            _store.RegisterAsync(NewId(), Registration($"sàn viết hoa {tag}", $"https://khac-{tag}.example.vn"), Now, Cancellation));
    }

    [Fact]
    public async Task Changes_made_at_the_same_time_are_each_kept_or_refused_never_lost()
    {
        var tag = Unique();
        var id = NewId();
        await _store.RegisterAsync(id, Registration($"Sàn Cùng Lúc {tag}", $"https://cungluc-{tag}.example.vn"), Now, Cancellation);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            try
            {
                await _store.UpdateAsync(id, new PlatformPatch(Administrator: new AdministratorPatch(FocalPoint: new FocalPointPatch(Phone: $"+84 24 3999 000{i}"))), Now, Cancellation);
                return true;
            }
            catch (ConflictException)
            {
                return false; // the 412 of a change made meanwhile
            }
        }));

        var kept = outcomes.Count(changed => changed);
        var platform = (await _store.GetAsync(id, Cancellation))!;
        Assert.InRange(kept, 1, 8);
        Assert.Equal(1 + kept, platform.Revision);
        Assert.Equal(Enumerable.Range(1, kept), (await _store.HistoryAsync(id, Cancellation)).Select(revision => revision.Revision));
    }

    [Fact]
    public async Task An_unknown_platform_is_not_found()
    {
        Assert.Null(await _store.GetAsync(NewId(), Cancellation));
        await Assert.ThrowsAsync<NotFoundException>(() => _store.UpdateAsync(NewId(), new PlatformPatch(Name: "Ai"), Now, Cancellation));
    }

    private static PlatformRegistration Registration(string name, string website) => new(
        name,
        new Administrator("Công ty TNHH Chợ Tốt", "Việt Nam", new FocalPoint("Trần Văn Bình", "binh.tran@chotot.example.vn", "+84 28 3822 0000", "123 Lê Lợi")),
        website,
        true,
        new DateOnly(2015, 3, 1));

    private static string NewId() => Guid.NewGuid().ToString();

    private static string Unique() => Guid.NewGuid().ToString("N")[..8];
}
