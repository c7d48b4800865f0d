using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text;
using Azure;
using Etransactions.Functions.Platforms.Domain;
using Etransactions.Functions.Publication.List;
using Etransactions.Functions.Publication.Versions;
using Etransactions.IntegrationTests.Support;
using Etransactions.Local.Azurite;
using Etransactions.TestSupport;

namespace Etransactions.IntegrationTests.Publication;

/// <summary>
/// <see cref="Functions.Publication.Publishing.LargePlatformPublisher"/> on an Azurite of each test's own (the
/// list is made from every platform there is): versions only on change, what changed, the files' hashes and
/// signature, the pointer written last, a run failing half-way, runs at once.
/// </summary>
public sealed class PublisherTests : IAsyncLifetime
{
    private readonly string _folder = TempFolder.Create("publication");
    private AzuriteServer? _azurite;
    private Publishing _publishing = null!;

    public async ValueTask InitializeAsync()
    {
        _azurite = await SharedAzurite.StartOwnAsync(_folder);
        _publishing = new Publishing(_azurite.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        _publishing.Dispose();
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
        TempFolder.Delete(_folder);
    }

    [Fact]
    public async Task The_first_run_publishes_version_1_its_files_before_the_pointer_and_a_run_with_nothing_changed_writes_nothing()
    {
        var large = await _publishing.AddAsync("Sàn Sen Vàng", 3_500_000);
        var particularlyLarge = await _publishing.AddAsync("Chợ Tốt Điện Tử", 12_000_000);
        await _publishing.AddAsync("Sàn Nhỏ", 100_000);
        var notIntermediary = await _publishing.RegisterAsync("Cửa Hàng Riêng", intermediary: false);
        await _publishing.DetermineAsync(notIntermediary, 5_000_000, intermediary: false);

        var first = await _publishing.PublishAsync();

        Assert.Equal(1, first.Latest);
        Assert.Equal([1], first.Published);
        Assert.Equal(["large-platforms/v1.json", "large-platforms/v1.csv", "large-platforms/v1.json.p7s", "large-platforms/index.json"], _publishing.Faults.Writes);
        var document = await _publishing.DocumentAsync(1);
        Assert.Equal([particularlyLarge, large], document.Platforms.Select(platform => platform.PlatformId));
        Assert.Equal([Scale.ParticularlyLarge, Scale.Large], document.Platforms.Select(platform => platform.Scale));
        Assert.Equal((1, (int?)null, Publishing.Start), (document.Version, document.PreviousVersion, document.PublishedAt));
        Assert.Equal([particularlyLarge, large], document.Changes.Added.Select(change => change.PlatformId));
        var index = await _publishing.IndexAsync();
        Assert.Equal((1, 1, 2), (index!.Latest, index.Versions.Single().Version, index.Versions[0].Platforms));

        var before = await _publishing.BlobsAsync();
        _publishing.Clock.Advance(TimeSpan.FromDays(1));
        var second = await _publishing.PublishAsync();

        Assert.Equal((1, 0), (second.Latest, second.Published.Count));
        Assert.Equal(before, await _publishing.BlobsAsync());
        Assert.Equal(4, _publishing.Faults.Writes.Count);
    }

    [Fact]
    public async Task A_change_publishes_the_next_version_naming_what_was_added_removed_and_changed_scale_and_leaves_the_earlier_one_as_it_was()
    {
        var stays = await _publishing.AddAsync("Sàn Sen Vàng", 3_500_000);
        var grows = await _publishing.AddAsync("Chợ Tốt Điện Tử", 4_000_000);
        var leaves = await _publishing.AddAsync("Sàn Cũ", 3_200_000);
        await _publishing.PublishAsync();
        var version1 = await _publishing.BlobsAsync();

        _publishing.Clock.Advance(TimeSpan.FromDays(365));
        await _publishing.DetermineAsync(grows, 12_000_000, cycle: 2027);
        await _publishing.DetermineAsync(leaves, 900_000, cycle: 2027);
        var joins = await _publishing.AddAsync("Sàn Mới", 3_100_000);
        var outcome = await _publishing.PublishAsync();

        Assert.Equal(2, outcome.Latest);
        Assert.Equal([2], outcome.Published);
        var document = await _publishing.DocumentAsync(2);
        Assert.Equal([grows, stays, joins], document.Platforms.Select(platform => platform.PlatformId));
        Assert.Equal(2027, document.Platforms[0].Cycle);
        Assert.Equal(1, document.PreviousVersion);
        Assert.Equal([joins], document.Changes.Added.Select(change => change.PlatformId));
        Assert.Equal([leaves], document.Changes.Removed.Select(change => change.PlatformId));
        Assert.Equal(new ScaleChange(grows, "Chợ Tốt Điện Tử", Scale.Large, Scale.ParticularlyLarge), document.Changes.ScaleChanged.Single());
        var index = await _publishing.IndexAsync();
        Assert.Equal([2, 1], index!.Versions.Select(entry => entry.Version));
        Assert.Equal(document.Changes.ScaleChanged, index.Versions[0].Changes.ScaleChanged);
        Assert.Equal(document.Changes.Added, index.Versions[0].Changes.Added);
        var now = await _publishing.BlobsAsync();
        foreach (var (name, etag) in version1.Where(blob => blob.Key != "large-platforms/index.json"))
        {
            Assert.Equal(etag, now[name]);
        }
    }

    [Fact]
    public async Task Each_file_has_the_hash_the_history_records_and_the_signature_verifies_the_json_which_names_the_csv()
    {
        await _publishing.AddAsync("Sàn \"Sen\", Vàng", 3_500_000);
        await _publishing.PublishAsync();

        var entry = (await _publishing.IndexAsync())!.Versions.Single();
        var json = (await _publishing.ReadAsync("large-platforms/v1.json"))!;
        var csv = (await _publishing.ReadAsync("large-platforms/v1.csv"))!;
        var signature = (await _publishing.ReadAsync("large-platforms/v1.json.p7s"))!;
        Assert.Equal(Sha256(json), entry.Files.Json.Sha256);
        Assert.Equal(Sha256(csv), entry.Files.Csv.Sha256);
        Assert.Equal(Sha256(signature), entry.Files.Signature.Sha256);
        Assert.Equal((json.Length, csv.Length, signature.Length), (entry.Files.Json.Bytes, entry.Files.Csv.Bytes, entry.Files.Signature.Bytes));
        Assert.Equal(Sha256(csv), (await _publishing.DocumentAsync(1)).Csv.Sha256);
        Assert.Equal(ListCsv.Write((await _publishing.DocumentAsync(1)).Platforms), csv);

        var cms = new SignedCms(new ContentInfo(json), detached: true);
        cms.Decode(signature);
        cms.CheckSignature(verifySignatureOnly: true);
        Assert.Equal(entry.Signer, cms.SignerInfos[0].Certificate!.GetNameInfo(System.Security.Cryptography.X509Certificates.X509NameType.SimpleName, false));
        var signingTime = cms.SignerInfos[0].SignedAttributes.Cast<CryptographicAttributeObject>()
            .Single(attribute => attribute.Oid.Value == "1.2.840.113549.1.9.5").Values[0];
        Assert.Equal(Publishing.Start.UtcDateTime, new Pkcs9SigningTime(signingTime.RawData).SigningTime);

        // A downloader with OpenSSL checks the same, and a changed byte fails it.
        var folder = TempFolder.Create("list-signature");
        try
        {
            File.WriteAllBytes(Path.Combine(folder, "v1.json"), json);
            File.WriteAllBytes(Path.Combine(folder, "v1.json.p7s"), signature);
            string[] verify = ["cms", "-verify", "-binary", "-inform", "DER", "-in", Path.Combine(folder, "v1.json.p7s"), "-content", Path.Combine(folder, "v1.json"), "-noverify", "-out", "/dev/null"];
            var verified = await ExternalTool.RunAsync("openssl", verify);
            Assert.True(verified.ExitCode == 0, verified.Stderr);
            var changed = (byte[])json.Clone();
            changed[^2] ^= 1;
            File.WriteAllBytes(Path.Combine(folder, "v1.json"), changed);
            var refused = await ExternalTool.RunAsync("openssl", verify);
            Assert.NotEqual(0, refused.ExitCode);
        }
        finally
        {
            TempFolder.Delete(folder);
        }
        Assert.Throws<CryptographicException>(() => ListSignature.SignerOf(Encoding.UTF8.GetBytes("{}"), signature));
    }

    [Theory]
    [InlineData("large-platforms/v2.csv")]
    [InlineData("large-platforms/v2.json.p7s")]
    [InlineData("large-platforms/index.json")]
    public async Task A_run_that_storage_fails_half_way_leaves_the_previous_version_the_latest_and_the_next_run_finishes_the_same_version(string failing)
    {
        await _publishing.AddAsync("Sàn Sen Vàng", 3_500_000);
        await _publishing.PublishAsync();
        var version1 = await _publishing.BlobsAsync();
        await _publishing.AddAsync("Chợ Tốt Điện Tử", 12_000_000);

        _publishing.Faults.FailWritesOf(failing);
        var failure = await Assert.ThrowsAsync<RequestFailedException>(_publishing.PublishAsync);
        Assert.Equal(503, failure.Status);

        var index = await _publishing.IndexAsync();
        Assert.Equal((1, 1), (index!.Latest, index.Versions.Count));
        var after = await _publishing.BlobsAsync();
        foreach (var (name, etag) in version1)
        {
            Assert.Equal(etag, after[name]);
        }
        var claimedAt = _publishing.Clock.GetUtcNow();

        _publishing.Faults.Heal();
        _publishing.Clock.Advance(TimeSpan.FromDays(1));
        var outcome = await _publishing.PublishAsync();

        Assert.Equal(2, outcome.Latest);
        Assert.Equal([2], outcome.Published);
        index = await _publishing.IndexAsync();
        Assert.Equal([2, 1], index!.Versions.Select(entry => entry.Version));
        Assert.Equal(claimedAt, index.Versions[0].PublishedAt);
        Assert.Equal(
            ["large-platforms/index.json", "large-platforms/v1.csv", "large-platforms/v1.json", "large-platforms/v1.json.p7s", "large-platforms/v2.csv", "large-platforms/v2.json", "large-platforms/v2.json.p7s"],
            (await _publishing.BlobsAsync()).Keys);
        Assert.Equal(Sha256((await _publishing.ReadAsync("large-platforms/v2.json.p7s"))!), index.Versions[0].Files.Signature.Sha256);
    }

    [Fact]
    public async Task Runs_at_once_publish_one_version()
    {
        await _publishing.AddAsync("Sàn Sen Vàng", 3_500_000);
        // A second app instance whose clock is a second ahead: its claim would be other bytes than the first's.
        using var other = new Publishing(_azurite!.ConnectionString, _publishing.Faults, Publishing.Start.AddSeconds(1));
        _publishing.Faults.MeetAt("large-platforms/v1.json", runs: 2);

        var outcomes = await Task.WhenAll(_publishing.PublishAsync(), other.PublishAsync(), _publishing.PublishAsync());

        Assert.All(outcomes, outcome => Assert.Equal(1, outcome.Latest));
        Assert.Equal([1], outcomes.SelectMany(outcome => outcome.Published));
        Assert.Single((await _publishing.IndexAsync())!.Versions);
        Assert.Equal(4, (await _publishing.BlobsAsync()).Count);
        // Whichever claim won, the history, the CSV and the signature are of the JSON that is stored.
        var entry = (await _publishing.IndexAsync())!.Versions[0];
        var json = (await _publishing.ReadAsync("large-platforms/v1.json"))!;
        Assert.Equal(Sha256(json), entry.Files.Json.Sha256);
        Assert.Equal(entry.Signer, ListSignature.SignerOf(json, (await _publishing.ReadAsync("large-platforms/v1.json.p7s"))!));
        Assert.Equal(entry.PublishedAt, (await _publishing.DocumentAsync(1)).PublishedAt);
    }

    [Fact]
    public async Task A_list_with_no_large_platform_is_published_too_and_a_platform_leaving_it_empty_is_a_change()
    {
        var only = await _publishing.AddAsync("Sàn Sen Vàng", 3_500_000);
        await _publishing.PublishAsync();
        _publishing.Clock.Advance(TimeSpan.FromDays(365));
        await _publishing.DetermineAsync(only, 100_000, cycle: 2027);

        var outcome = await _publishing.PublishAsync();

        Assert.Equal([2], outcome.Published);
        var document = await _publishing.DocumentAsync(2);
        Assert.Empty(document.Platforms);
        Assert.Equal([only], document.Changes.Removed.Select(change => change.PlatformId));
    }

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
