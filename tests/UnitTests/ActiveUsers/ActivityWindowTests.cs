using Etransactions.Functions.ActiveUsers.Intake;

namespace Etransactions.UnitTests.ActiveUsers;

public sealed class ActivityWindowTests
{
    // 3 February 2026, 23:59 in Vietnam: January closes at midnight (its end, 1 February 00:00, plus 3 days).
    private static readonly ActivityWindow BeforeJanuaryCloses = new(new DateTimeOffset(2026, 2, 3, 16, 59, 0, TimeSpan.Zero), GraceDays: 3);

    [Fact]
    public void Months_and_days_are_those_of_Vietnam()
    {
        var lastEveningOfJanuaryInUtc = new DateTimeOffset(2026, 1, 31, 17, 0, 0, TimeSpan.Zero);

        Assert.Equal(("2026-02", "2026-02-01"), (ActivityWindow.MonthOf(lastEveningOfJanuaryInUtc), ActivityWindow.DayOf(lastEveningOfJanuaryInUtc)));
        Assert.Equal("2026-01", ActivityWindow.MonthOf(lastEveningOfJanuaryInUtc.AddTicks(-1)));
    }

    [Fact]
    public void A_month_closes_its_grace_period_after_it_ends()
    {
        Assert.Equal(new DateTimeOffset(2026, 2, 3, 17, 0, 0, TimeSpan.Zero), BeforeJanuaryCloses.ClosingOf("2026-01"));
        Assert.False(BeforeJanuaryCloses.IsClosed("2026-01"));
        Assert.True((BeforeJanuaryCloses with { Now = new DateTimeOffset(2026, 2, 3, 17, 0, 0, TimeSpan.Zero) }).IsClosed("2026-01"));
        Assert.True(BeforeJanuaryCloses.IsClosed("2025-12"));
    }

    [Fact]
    public void A_late_event_counts_until_its_month_closes_and_a_future_one_only_within_the_skew()
    {
        Assert.Null(BeforeJanuaryCloses.Check(new DateTimeOffset(2026, 1, 31, 16, 0, 0, TimeSpan.Zero)));
        Assert.Null(BeforeJanuaryCloses.Check(BeforeJanuaryCloses.Now + ActivityWindow.Skew));

        Assert.Contains("2025-12 closed", BeforeJanuaryCloses.Check(new DateTimeOffset(2025, 12, 31, 10, 0, 0, TimeSpan.Zero))!.Message, StringComparison.Ordinal);
        Assert.Contains("future", BeforeJanuaryCloses.Check(BeforeJanuaryCloses.Now + ActivityWindow.Skew + TimeSpan.FromSeconds(1))!.Message, StringComparison.Ordinal);
    }
}
