using Azure.Data.Tables;
using Etransactions.Functions.Core.Problems;
using Etransactions.Functions.Core.Storage;
using Etransactions.Functions.Platforms.Domain;
using Etransactions.Functions.Platforms.Statistics;
using Etransactions.IntegrationTests.Support;

namespace Etransactions.IntegrationTests.Platforms.Stores;

/// <summary>Statistics versions on Azurite: read back whole, in version order, and a version is never written twice.</summary>
public sealed class StatisticsStoreTests(SharedAzurite azurite)
{
    private static readonly PopulationFigure Population = new(2024, 1, 101_300_000, "Tổng cục Thống kê", new DateOnly(2025, 1, 6), new DateTimeOffset(2025, 1, 7, 2, 0, 0, TimeSpan.Zero));

    private readonly StatisticsStore _store = new(new AppTables(new TableServiceClient(azurite.ConnectionString)));

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Versions_are_read_back_whole_oldest_first()
    {
        var platformId = Guid.NewGuid().ToString();
        var first = Submission(platformId, 1, 4_000_000);
        var second = Submission(platformId, 2, 11_000_000) with { Reason = "Sửa số liệu / corrected", Late = true };
        for (var version = 3; version <= 11; version++)
        {
            await _store.AppendAsync(Submission(platformId, version, 1_000_000 + version), Cancellation);
        }
        await _store.AppendAsync(second, Cancellation);
        await _store.AppendAsync(first, Cancellation);

        var history = await _store.HistoryAsync(platformId, 2026, Cancellation);

        Assert.Equal(Enumerable.Range(1, 11), history.Select(s => s.Version));
        Assert.Equivalent(first, history[0], strict: true);
        Assert.Equal(first.Months, history[0].Months);
        Assert.Equal(first.Classification, history[0].Classification);
        Assert.Equal(second.Reason, (await _store.GetAsync(platformId, 2026, 2, Cancellation))!.Reason);
        Assert.Equal(11, (await _store.LatestAsync(platformId, 2026, Cancellation))!.Version);
        Assert.Empty(await _store.HistoryAsync(platformId, 2025, Cancellation));
    }

    [Fact]
    public async Task A_version_stored_twice_is_a_conflict_and_the_first_is_kept()
    {
        var platformId = Guid.NewGuid().ToString();
        await _store.AppendAsync(Submission(platformId, 1, 4_000_000), Cancellation);

        await Assert.ThrowsAsync<ConflictException>(() => _store.AppendAsync(Submission(platformId, 1, 5_000_000), Cancellation));

        Assert.Equal(4_000_000, (await _store.GetAsync(platformId, 2026, 1, Cancellation))!.Months[0].ActiveUsers);
    }

    private static StoredSubmission Submission(string platformId, int version, decimal users)
    {
        var months = Enumerable.Range(1, 12).Select(month => new MonthlyUsers($"2025-{month:D2}", users)).ToList();
        var statistics = new StatisticsBody(months, true, new Measurement("Tài khoản đăng nhập", "Google Analytics 4"), new Declarant("Nguyễn Thị Hương", "Giám đốc vận hành"));
        return StoredSubmission.Of(platformId, 2026, version, statistics, new DateTimeOffset(2026, 1, 5, 3, 0, 0, TimeSpan.Zero), false, Classifier.Classify(months, Population, true));
    }
}
