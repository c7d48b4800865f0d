using Etransactions.Functions.Platforms.Domain;
using Etransactions.Functions.Platforms.SelfDetermination;

namespace Etransactions.UnitTests.Platforms.SelfDetermination;

public sealed class MeasuredComparisonTests
{
    private static readonly List<MonthlyUsers> Reported = Samples.Months("2025-01", 1_000_000);

    [Fact]
    public void Without_a_measured_month_there_is_nothing_to_compare()
    {
        Assert.Null(MeasuredComparison.Of(Reported, new Dictionary<string, long>(), 5));
    }

    [Fact]
    public void The_months_measured_are_compared_by_their_sums_and_flagged_over_the_threshold()
    {
        var measured = new Dictionary<string, long> { ["2025-11"] = 940_000, ["2025-12"] = 960_000 };

        var comparison = MeasuredComparison.Of(Reported, measured, 5)!;

        Assert.Equal((2, 2_000_000L, 1_900_000L, 5.26, true), (comparison.MonthsMeasured, comparison.ReportedTotal, comparison.MeasuredTotal, comparison.DifferencePercent, comparison.Flagged));
        Assert.Equal(12, comparison.Months.Count);
        Assert.Null(comparison.Months[0].Measured);
        Assert.Equal(960_000, comparison.Months[^1].Measured);
        Assert.False(MeasuredComparison.Of(Reported, measured, 5.5)!.Flagged);
    }

    [Fact]
    public void A_platform_reporting_less_than_measured_is_flagged_alike()
    {
        var comparison = MeasuredComparison.Of(Reported, new Dictionary<string, long> { ["2025-06"] = 1_200_000 }, 5)!;

        Assert.Equal((-16.67, true), (comparison.DifferencePercent, comparison.Flagged));
    }
}
