using Azure.Data.Tables;
using Etransactions.Functions.Core.Storage;
using Etransactions.Functions.Platforms.Domain;
using Etransactions.Functions.Platforms.Population;
using Etransactions.IntegrationTests.Support;

namespace Etransactions.IntegrationTests.Platforms.Stores;

/// <summary>
/// Population figures on an Azurite table service of their own (the table name is fixed, and "the most
/// recent" reads every figure): versions, and the figure in force on a day.
/// </summary>
public sealed class PopulationStoreTests(SharedAzurite azurite) : IAsyncLifetime
{
    private readonly TableServiceClient _service = new(azurite.ConnectionString);

    // The store names its table; here that name reaches a table of this test's own.
    private readonly string _table = $"population{Guid.NewGuid():N}"[..30];

    private PopulationStore Store => new(new AppTables(new RenamedTables(_service, PopulationStore.Table, _table)));

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _service.DeleteTableAsync(_table, TestContext.Current.CancellationToken);

    [Fact]
    public async Task The_same_figure_again_changes_nothing_and_a_correction_is_a_new_version()
    {
        var figure = new PopulationBody(101_300_000, "Tổng cục Thống kê", new DateOnly(2025, 1, 6));

        var (first, created) = await Store.PutAsync(2023, figure, At(2025, 2, 1), Cancellation);
        var (again, createdAgain) = await Store.PutAsync(2023, figure, At(2025, 2, 2), Cancellation);
        var (corrected, _) = await Store.PutAsync(2023, figure with { Value = 101_350_000 }, At(2025, 2, 3), Cancellation);

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(first, again);
        Assert.Equal(2, corrected.Version);
        Assert.Equal([101_300_000L, 101_350_000L], (await Store.VersionsAsync(2023, Cancellation)).Select(v => v.Value));
    }

    [Fact]
    public async Task The_most_recent_figure_is_the_one_announced_last_by_that_day_in_Vietnam()
    {
        await Store.PutAsync(2023, new PopulationBody(100_300_000, "GSO 2023", new DateOnly(2024, 1, 10)), At(2024, 1, 10), Cancellation);
        await Store.PutAsync(2024, new PopulationBody(101_300_000, "GSO 2024", new DateOnly(2025, 1, 6)), At(2025, 1, 6), Cancellation);
        // A correction of 2023 announced later than the 2024 figure is the most recent announcement from then on.
        await Store.PutAsync(2023, new PopulationBody(100_350_000, "GSO 2023, sửa", new DateOnly(2025, 3, 1)), At(2025, 3, 1), Cancellation);

        Assert.Null(await Store.MostRecentAsync(At(2024, 1, 9), Cancellation));
        Assert.Equal((2023, 1), Key(await Store.MostRecentAsync(At(2025, 1, 5), Cancellation)));
        // 5 January 17:00 UTC is 6 January in Vietnam, the day the 2024 figure was announced.
        Assert.Equal((2024, 1), Key(await Store.MostRecentAsync(new DateTimeOffset(2025, 1, 5, 17, 0, 0, TimeSpan.Zero), Cancellation)));
        Assert.Equal((2023, 2), Key(await Store.MostRecentAsync(At(2026, 1, 1), Cancellation)));
    }

    [Fact]
    public async Task Figures_announced_the_same_day_go_to_the_later_year_then_the_later_version()
    {
        var day = new DateOnly(2025, 6, 1);
        await Store.PutAsync(2024, new PopulationBody(101_300_000, "A", day), At(2025, 6, 1), Cancellation);
        await Store.PutAsync(2023, new PopulationBody(100_300_000, "B", day), At(2025, 6, 1), Cancellation);
        await Store.PutAsync(2023, new PopulationBody(100_300_001, "C", day), At(2025, 6, 1), Cancellation);

        Assert.Equal((2024, 1), Key(await Store.MostRecentAsync(At(2025, 6, 2), Cancellation)));
    }

    private static (int, int)? Key(PopulationFigure? figure) => figure is null ? null : (figure.Year, figure.Version);

    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 3, 0, 0, TimeSpan.Zero);
}
