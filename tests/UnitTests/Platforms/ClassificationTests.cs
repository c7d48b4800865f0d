using Etransactions.Functions.Core.Problems;
using Etransactions.Functions.Platforms.Domain;

namespace Etransactions.UnitTests.Platforms;

/// <summary>Scale by number of users (Decree 137, Art. 17.2–17.4, 18.1): the thresholds decided exactly.</summary>
public sealed class ClassificationTests
{
    private static readonly PopulationFigure Hundred = Samples.Population with { Value = 100_000_000 };

    [Fact]
    public void Classify_JustUnderThreePercent_IsNone_AtExactlyThree_IsLarge()
    {
        Assert.Equal(Scale.None, Classifier.Classify(Samples.Months("2025-01", 2_999_999), Hundred, true).Scale);
        var atThree = Classifier.Classify(Samples.Months("2025-01", 3_000_000), Hundred, true);
        Assert.Equal(Scale.Large, atThree.Scale);
        Assert.Equal(3, atThree.SharePercent);
    }

    [Fact]
    public void Classify_AtExactlyTenPercent_IsLarge_JustOver_IsParticularlyLarge()
    {
        Assert.Equal(Scale.Large, Classifier.Classify(Samples.Months("2025-01", 10_000_000), Hundred, true).Scale);
        Assert.Equal(Scale.ParticularlyLarge, Classifier.Classify(Samples.Months("2025-01", 10_000_001), Hundred, true).Scale);
    }

    [Fact]
    public void Classify_DecidesOnTheTwelveMonthAverage_NotOnSingleMonths()
    {
        // 11 months at 2.9 % and one at 4.1 % average exactly 3 %.
        decimal[] users = [.. Enumerable.Repeat(2_900_000m, 11), 4_100_000m];
        var result = Classifier.Classify(Samples.Months("2025-01", users), Hundred, true);
        Assert.Equal(36_000_000, result.TotalActiveUsers);
        Assert.Equal(3_000_000, result.AverageMonthlyActiveUsers);
        Assert.Equal(Scale.Large, result.Scale);

        // One user fewer in total is below 3 %: exact arithmetic, no rounding up.
        users[0] = 2_899_999;
        Assert.Equal(Scale.None, Classifier.Classify(Samples.Months("2025-01", users), Hundred, true).Scale);
    }

    [Fact]
    public void Classify_KeepsExactnessWhereTheShareIsNotARoundNumber()
    {
        // Population 101,300,000: 3 % is 3,039,000 a month on average.
        Assert.Equal(Scale.Large, Classifier.Classify(Samples.Months("2025-01", 3_039_000), Samples.Population, true).Scale);
        Assert.Equal(Scale.None, Classifier.Classify(Samples.Months("2025-01", 3_038_999), Samples.Population, true).Scale);
        Assert.Equal(Scale.Large, Classifier.ScaleOfShare(12 * 10_130_000L, 12, Samples.Population.Value));
        Assert.Equal(Scale.ParticularlyLarge, Classifier.ScaleOfShare((12 * 10_130_000L) + 1, 12, Samples.Population.Value));
    }

    [Fact]
    public void ScaleOfShare_TheLargestCounts_DoNotOverflow()
    {
        // 12 months of 2^53 − 1 users: 100 × the total is past long.MaxValue.
        var total = 12 * Classifier.MaxActiveUsers;
        Assert.Equal(Scale.ParticularlyLarge, Classifier.ScaleOfShare(total, 12, 10_000_000_000));
        Assert.Equal(Scale.Large, Classifier.ScaleOfShare(total, 12, Classifier.MaxActiveUsers * 10));
        Assert.Equal(Scale.None, Classifier.ScaleOfShare(total, 12, (Classifier.MaxActiveUsers * 100 / 3) + 1));
    }

    [Fact]
    public void Classify_NotAnIndependentIntermediary_HasPlatformScaleNone_AndKeepsTheSystemScale()
    {
        var result = Classifier.Classify(Samples.Months("2025-01", 20_000_000), Hundred, false);
        Assert.Equal(Scale.ParticularlyLarge, result.SystemScale);
        Assert.Equal(Scale.None, result.Scale);
        Assert.False(result.Intermediary);
    }

    [Fact]
    public void Classify_RecordsThePopulationFigureItUsed_AndTheRoundedFigures()
    {
        var result = Classifier.Classify(Samples.Months("2025-01", 4_000_000), Samples.Population, true);
        Assert.Equal(Samples.Population, result.Population);
        Assert.Equal(3.9487, result.SharePercent);
        Assert.Equal(("2025-01", "2025-12", 12), (result.FirstMonth, result.LastMonth, result.Months));
    }

    [Fact]
    public void Classify_ElevenOrThirteenMonths_IsRefused()
    {
        var eleven = Assert.Throws<ValidationFailedException>(() => Classifier.Classify(Samples.Months("2025-01", 5, 11), Hundred, true));
        Assert.Equal([new FieldError("months", "Exactly 12 consecutive months are needed, got 11.")], eleven.Errors);
        var thirteen = Assert.Throws<ValidationFailedException>(() => Classifier.Classify(Samples.Months("2025-01", 5, 13), Hundred, true));
        Assert.Equal("months", thirteen.Errors[0].Field);
    }

    [Fact]
    public void Classify_APopulationOfZero_IsRefused()
    {
        var invalid = Assert.Throws<ValidationFailedException>(() => Classifier.Classify(Samples.Months("2025-01", 5), Hundred with { Value = 0 }, true));
        Assert.Equal(["population.value"], invalid.Errors.Select(error => error.Field));
    }

    [Fact]
    public void MonthsIssues_AMissingMonth_NamesTheMonthAfterTheGap()
    {
        var months = Samples.Months("2025-01", 5, 13);
        months.RemoveAt(4); // no May

        Assert.Equal(
            [new FieldError("months.4.month", "2025-06 does not follow 2025-04: months must be consecutive, oldest first.")],
            Classifier.MonthsIssues(months));
    }

    [Fact]
    public void MonthsIssues_RepeatedAndOutOfOrderMonths_AreNamed()
    {
        var repeated = Samples.Months("2025-01", 5);
        repeated[5] = new MonthlyUsers("2025-05", 5);
        Assert.Contains("months.5.month", Classifier.MonthsIssues(repeated).Select(issue => issue.Field));

        var reversed = Samples.Months("2025-01", 5);
        reversed.Reverse();
        Assert.Equal(11, Classifier.MonthsIssues(reversed).Count);
    }

    [Fact]
    public void MonthsIssues_AcrossAYearBoundary_AreNone() =>
        Assert.Empty(Classifier.MonthsIssues(Samples.Months("2024-07", 5)));

    [Fact]
    public void MonthsIssues_NegativeAndFractionalCounts_AreNamedByField()
    {
        var months = Samples.Months("2025-01", 5);
        months[2] = new MonthlyUsers("2025-03", -1);
        months[7] = new MonthlyUsers("2025-08", 2.5m);

        Assert.Equal(["months.2.activeUsers", "months.7.activeUsers"], Classifier.MonthsIssues(months).Select(issue => issue.Field));
    }
}
