using Etransactions.Functions.Core.Problems;

namespace Etransactions.Functions.Platforms.Domain;

/// <summary>
/// Scale by number of users (Decree 137, Art. 17.2–17.4 and Art. 18.1), pure. Boundary rules:
/// <list type="bullet">
/// <item>the figure is the average of exactly 12 consecutive months (Art. 17.4): fewer or more months, a gap
/// or a repeated month is refused, never averaged;</item>
/// <item>share = average ÷ the population figure; below 3 % none; from 3 % up to and including 10 % large
/// ("between 3 % and 10 %"); over 10 % particularly large;</item>
/// <item>the comparisons are of whole numbers (100 × total against 3 × and 10 × months × population), so
/// 3 % and 10 % exactly are never decided by rounding;</item>
/// <item>Art. 18 names only intermediary platforms whose administrator is independent of the transacting
/// parties: for any other system the platform scale is none, and the Art. 17 scale is kept as the system scale.</item>
/// </list>
/// </summary>
public static class Classifier
{
    public const int MonthsRequired = 12;

    /// <summary>The largest count read exactly (2^53 − 1, as the first version's numbers).</summary>
    public const long MaxActiveUsers = 9_007_199_254_740_991;

    /// <summary>What is wrong with a list of months, field by field (<c>months.3.month</c>); empty when it is usable.</summary>
    public static List<FieldError> MonthsIssues(IReadOnlyList<MonthlyUsers> months, string field = "months")
    {
        var issues = new List<FieldError>();
        if (months.Count != MonthsRequired)
        {
            issues.Add(new(field, $"Exactly {MonthsRequired} consecutive months are needed, got {months.Count}."));
        }
        var seen = new HashSet<int>();
        for (var i = 0; i < months.Count; i++)
        {
            var entry = months[i];
            var index = Cycles.MonthIndex(entry.Month);
            if (seen.Contains(index))
            {
                issues.Add(new($"{field}.{i}.month", $"{entry.Month} is repeated."));
            }
            else if (i > 0 && index != Cycles.MonthIndex(months[i - 1].Month) + 1)
            {
                issues.Add(new($"{field}.{i}.month", $"{entry.Month} does not follow {months[i - 1].Month}: months must be consecutive, oldest first."));
            }
            seen.Add(index);
            if (!IsCount(entry.ActiveUsers))
            {
                issues.Add(new($"{field}.{i}.activeUsers", "Active users must be a whole number, 0 or more."));
            }
        }
        return issues;
    }

    /// <summary>The scale of an average share, decided on whole numbers: average ÷ population ≥ 3/100 ⇔ 100 × total ≥ 3 × months × population.</summary>
    public static Scale ScaleOfShare(long totalActiveUsers, int monthCount, long population)
    {
        // 100 × total reaches 10^19 for the largest counts: past long, well inside Int128.
        var left = (Int128)100 * totalActiveUsers;
        var monthsOfPopulation = (Int128)monthCount * population;
        if (left > 10 * monthsOfPopulation)
        {
            return Scale.ParticularlyLarge;
        }
        return left >= 3 * monthsOfPopulation ? Scale.Large : Scale.None;
    }

    /// <summary>Classifies 12 consecutive months against a population figure, or throws the issues that prevent it.</summary>
    public static Classification Classify(IReadOnlyList<MonthlyUsers> months, PopulationFigure population, bool intermediary)
    {
        var issues = MonthsIssues(months);
        if (population.Value <= 0)
        {
            issues.Add(new("population.value", "The population figure must be a whole number above 0."));
        }
        if (issues.Count > 0)
        {
            throw new ValidationFailedException(issues, "These months cannot be classified.");
        }
        var total = months.Sum(entry => (long)entry.ActiveUsers);
        var systemScale = ScaleOfShare(total, months.Count, population.Value);
        var average = (decimal)total / months.Count;
        return new Classification(
            months.Count,
            months[0].Month,
            months[^1].Month,
            total,
            (double)Math.Round(average, 2, MidpointRounding.AwayFromZero),
            (double)Math.Round(average * 100 / population.Value, 4, MidpointRounding.AwayFromZero),
            systemScale,
            intermediary,
            intermediary ? systemScale : Scale.None,
            population);
    }

    private static bool IsCount(decimal value) => value >= 0 && value <= MaxActiveUsers && value == decimal.Truncate(value);
}
