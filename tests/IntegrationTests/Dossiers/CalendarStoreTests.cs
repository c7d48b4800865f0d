using Azure.Data.Tables;
using Etransactions.Functions.Core.Storage;
using Etransactions.Functions.Dossiers.Calendar;
using Etransactions.IntegrationTests.Platforms.Stores;
using Etransactions.IntegrationTests.Support;
using Microsoft.Extensions.Options;

namespace Etransactions.IntegrationTests.Dossiers;

/// <summary>Working-time calendars on Azurite, in a table of this test's own: versions, concurrent publishing, the calendar in force.</summary>
public sealed class CalendarStoreTests(SharedAzurite azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2025, 12, 20, 3, 0, 0, TimeSpan.Zero);

    private readonly TableServiceClient _service = new(azurite.ConnectionString);
    private readonly string _table = $"calendars{Guid.NewGuid():N}"[..30];

    private CalendarStore Store => new(new AppTables(new RenamedTables(_service, CalendarStore.Table, _table)), Options.Create(new WorkingCalendarOptions()));

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _service.DeleteTableAsync(_table, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Each_publication_is_a_version_kept_with_its_time_and_publisher()
    {
        var first = await Store.PublishAsync(Year(2026, new DateOnly(2026, 1, 1)), "regulator-a", Now, Cancellation);
        var second = await Store.PublishAsync(Year(2026, new DateOnly(2026, 1, 1), new DateOnly(2026, 9, 2)), "regulator-b", Now.AddDays(1), Cancellation);

        Assert.Equal((1, 2), (first.Version, second.Version));
        var latest = await Store.GetAsync(2026, null, Cancellation);
        Assert.Equal((2, "regulator-b", Now.AddDays(1)), (latest!.Version, latest.PublishedBy, latest.PublishedAt));
        Assert.Equal([new DateOnly(2026, 1, 1), new DateOnly(2026, 9, 2)], latest.Calendar.Days.Holidays.Select(holiday => holiday.Date));
        var earlier = await Store.GetAsync(2026, 1, Cancellation);
        Assert.Equal(("regulator-a", 1), (earlier!.PublishedBy, earlier.Calendar.Days.Holidays.Count));
        Assert.Null(await Store.GetAsync(2026, 3, Cancellation));
        Assert.Null(await Store.GetAsync(2027, null, Cancellation));
    }

    [Fact]
    public async Task Concurrent_publications_lose_no_version()
    {
        var published = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            Store.PublishAsync(Year(2026, new DateOnly(2026, 1, 1)), $"regulator-{i}", Now, Cancellation)));

        Assert.Equal(Enumerable.Range(1, 10), published.Select(calendar => calendar.Version).Order());
        Assert.Equal(10, (await Store.GetAsync(2026, null, Cancellation))!.Version);
        Assert.Equal(
            published.Select(calendar => calendar.PublishedBy).Order(StringComparer.Ordinal),
            (await Task.WhenAll(Enumerable.Range(1, 10).Select(version => Store.GetAsync(2026, version, Cancellation))))
                .Select(calendar => calendar!.PublishedBy).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_calendar_in_force_is_the_newest_version_of_every_year()
    {
        await Store.PublishAsync(Year(2026, new DateOnly(2026, 3, 9)), "regulator", Now, Cancellation);
        await Store.PublishAsync(Year(2026, new DateOnly(2026, 3, 10)), "regulator", Now, Cancellation);
        await Store.PublishAsync(Year(2027, new DateOnly(2027, 1, 1)), "regulator", Now, Cancellation);

        var current = await Store.CurrentAsync(Cancellation);

        Assert.True(current.IsWorkingDay(new DateOnly(2026, 3, 9)));
        Assert.False(current.IsWorkingDay(new DateOnly(2026, 3, 10)));
        Assert.False(current.IsWorkingDay(new DateOnly(2027, 1, 1)));
        Assert.True(current.IsWorkingDay(new DateOnly(2028, 1, 3)));
        Assert.Equal(TimeSpan.FromHours(8), current.WorkingDay);
    }

    [Fact]
    public async Task The_largest_calendar_the_body_allows_fits_its_row()
    {
        var weekdays = Enumerable.Range(0, 365).Select(i => new DateOnly(2026, 1, 1).AddDays(i))
            .Where(day => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToList();
        var weekends = Enumerable.Range(0, 365).Select(i => new DateOnly(2026, 1, 1).AddDays(i))
            .Where(day => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday).ToList();
        // Quotes are written escaped, two characters each: the longest a stored name can be.
        var name = new string('"', CalendarValidation.MaxNameLength);
        var max = CalendarDays.MaxEntries;
        var days = new CalendarDays
        {
            Holidays = [.. weekdays.Take(max).Select(day => new Holiday(day, name))],
            CompensatoryDays = [.. weekdays.Skip(max).Take(max).Select(day => new CompensatoryDay(day, weekdays[0], name))],
            Swaps = [.. weekdays.Skip(2 * max).Take(max).Zip(weekends).Select(pair => new DaySwap(pair.First, pair.Second, name))],
        };

        await Store.PublishAsync(new CalendarYear(2026, days), "regulator", Now, Cancellation);

        var stored = await Store.GetAsync(2026, 1, Cancellation);
        Assert.Equal((max, max, max), (stored!.Calendar.Days.Holidays.Count, stored.Calendar.Days.CompensatoryDays.Count, stored.Calendar.Days.Swaps.Count));
        Assert.Equal(name, stored.Calendar.Days.Swaps[^1].Name);
    }

    private static CalendarYear Year(int year, params DateOnly[] holidays) =>
        new(year, new CalendarDays { Holidays = [.. holidays.Select(day => new Holiday(day, "Ngày lễ"))] });
}
