using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Core.Problems;
using Etransactions.Functions.Platforms.Domain;

namespace Etransactions.Functions.Platforms.Statistics;

/// <summary>
/// Checks a statistics submission for a cycle, all at once and by field: the body's shape, the cycle of the
/// route, 12 consecutive complete months of the cycle's period, and counts no larger than the population.
/// </summary>
public static partial class StatisticsValidation
{
    /// <summary>The valid statistics, or a <see cref="ValidationFailedException"/> naming every problem.</summary>
    public static ValidStatistics Validate(string cycleText, JsonElement body, DateTimeOffset now, PopulationFigure? population)
    {
        var issues = new List<FieldError>();
        var cycle = ParseCycle(cycleText, now, issues);
        StatisticsBody? statistics = null;
        try
        {
            statistics = JsonBody.Deserialize<StatisticsBody>(body);
        }
        catch (ValidationFailedException invalid)
        {
            issues.AddRange(invalid.Errors);
        }

        // The months are checked even when another field is wrong, so the caller sees everything at once.
        if ((statistics?.Months ?? MonthsOf(body)) is { } months)
        {
            issues.AddRange(Classifier.MonthsIssues(months));
            if (cycle is { } known)
            {
                issues.AddRange(PeriodIssues(months, known, now));
            }
            if (population is not null)
            {
                issues.AddRange(months
                    .Select((entry, i) => (entry, i))
                    .Where(month => month.entry.ActiveUsers > population.Value)
                    .Select(month => new FieldError(
                        $"months.{month.i}.activeUsers",
                        $"{month.entry.ActiveUsers} is more than the population of Vietnam ({population.Value}, {population.Year}).")));
            }
        }

        ValidationFailedException.ThrowIfAny([.. issues.Distinct()]);
        return new ValidStatistics(cycle!.Value, Normalized(statistics!));
    }

    /// <summary>A cycle from a route, valid now, or a validation problem naming <c>cycle</c>.</summary>
    public static int ParseCycle(string cycleText, DateTimeOffset now)
    {
        var issues = new List<FieldError>();
        var cycle = ParseCycle(cycleText, now, issues);
        ValidationFailedException.ThrowIfAny(issues);
        return cycle!.Value;
    }

    private static int? ParseCycle(string cycleText, DateTimeOffset now, List<FieldError> issues)
    {
        if (!FourDigits().IsMatch(cycleText))
        {
            issues.Add(new("cycle", "The cycle is a year such as 2026."));
            return null;
        }
        var cycle = int.Parse(cycleText, CultureInfo.InvariantCulture);
        if (Cycles.CycleProblem(cycle, now) is { } problem)
        {
            issues.Add(new("cycle", problem));
            return null;
        }
        return cycle;
    }

    /// <summary>The months of a body whose other fields are wrong, when the months themselves read.</summary>
    private static List<MonthlyUsers>? MonthsOf(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("months", out var months))
        {
            return null;
        }
        try
        {
            return JsonBody.Deserialize<List<MonthlyUsers>>(months);
        }
        catch (ValidationFailedException)
        {
            return null; // already named by the body's own check
        }
    }

    private static IEnumerable<FieldError> PeriodIssues(IReadOnlyList<MonthlyUsers> months, int cycle, DateTimeOffset now)
    {
        if (months.Count == 0)
        {
            yield break;
        }
        var last = months[^1];
        var allowed = Cycles.AllowedLastMonths(cycle, now);
        var index = Cycles.MonthIndex(last.Month);
        if (index >= Cycles.MonthIndex(allowed.Earliest) && index <= Cycles.MonthIndex(allowed.Latest))
        {
            yield break;
        }
        var field = $"months.{months.Count - 1}.month";
        yield return allowed.Earliest == allowed.Latest
            ? new FieldError(field, $"Cycle {cycle} covers January to December {cycle - 1}: the last month must be {allowed.Latest}.")
            : new FieldError(field, $"The 12 months must end with a complete month from {allowed.Earliest} to {allowed.Latest}; {last.Month} is outside.");
    }

    /// <summary>Counts as whole numbers written plainly (<c>4000000</c>, not <c>4000000.0</c>), so the same content always reads the same.</summary>
    private static StatisticsBody Normalized(StatisticsBody statistics) => statistics with
    {
        Months = [.. statistics.Months.Select(month => month with { ActiveUsers = decimal.Truncate(month.ActiveUsers) })],
    };

    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex FourDigits();
}
