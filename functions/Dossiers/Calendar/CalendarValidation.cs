using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Core.Problems;

namespace Etransactions.Functions.Dossiers.Calendar;

/// <summary>
/// Checks a year's calendar, all at once and by field: the year of the route, the body's shape, every date
/// inside the year, no date given twice, compensatory days on a weekday for a listed holiday, swaps that
/// move a weekday onto a Saturday or Sunday.
/// </summary>
public static partial class CalendarValidation
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;
    public const int MaxNameLength = 200;

    /// <summary>The valid calendar, its names trimmed, or a <see cref="ValidationFailedException"/> naming every problem.</summary>
    public static CalendarYear Validate(string yearText, JsonElement body)
    {
        var issues = new List<FieldError>();
        var year = ParseYear(yearText, issues);
        CalendarDays? days = null;
        try
        {
            days = JsonBody.Deserialize<CalendarDays>(body);
        }
        catch (ValidationFailedException invalid)
        {
            issues.AddRange(invalid.Errors);
        }
        if (days is not null)
        {
            issues.AddRange(RuleIssues(days, year));
        }
        ValidationFailedException.ThrowIfAny(issues);
        return new CalendarYear(year!.Value, Trimmed(days!));
    }

    /// <summary>A calendar year from a route, 2000 to 2100, or a validation problem naming <c>year</c>.</summary>
    public static int ParseYear(string yearText)
    {
        var issues = new List<FieldError>();
        var year = ParseYear(yearText, issues);
        ValidationFailedException.ThrowIfAny(issues);
        return year!.Value;
    }

    private static int? ParseYear(string text, List<FieldError> issues)
    {
        if (FourDigits().IsMatch(text) && int.Parse(text, CultureInfo.InvariantCulture) is var year and >= FirstYear and <= LastYear)
        {
            return year;
        }
        issues.Add(new("year", $"A year from {FirstYear} to {LastYear}."));
        return null;
    }

    private static List<FieldError> RuleIssues(CalendarDays days, int? year)
    {
        // Each date once across the lists, so a day is never both off and worked; `for` only points at a holiday.
        var dates = new Dictionary<DateOnly, string>();
        var issues = new List<FieldError>();
        void Claim(DateOnly date, string field)
        {
            if (year is { } known && date.Year != known)
            {
                issues.Add(new(field, $"{Text(date)} is not in {known}."));
            }
            else if (!dates.TryAdd(date, field))
            {
                issues.Add(new(field, $"{Text(date)} is already given at {dates[date]}."));
            }
        }

        foreach (var (holiday, i) in days.Holidays.Select((holiday, i) => (holiday, i)))
        {
            Claim(holiday.Date, $"holidays.{i}.date");
        }
        var holidays = days.Holidays.Select(holiday => holiday.Date).ToHashSet();
        foreach (var (day, i) in days.CompensatoryDays.Select((day, i) => (day, i)))
        {
            Claim(day.Date, $"compensatoryDays.{i}.date");
            if (IsWeekend(day.Date))
            {
                issues.Add(new($"compensatoryDays.{i}.date", $"{Text(day.Date)} is a {day.Date.DayOfWeek}: a compensatory day is a working day, Monday to Friday."));
            }
            if (!holidays.Contains(day.For))
            {
                issues.Add(new($"compensatoryDays.{i}.for", $"{Text(day.For)} is not one of the holidays listed."));
            }
        }
        foreach (var (swap, i) in days.Swaps.Select((swap, i) => (swap, i)))
        {
            Claim(swap.DayOff, $"swaps.{i}.dayOff");
            if (IsWeekend(swap.DayOff))
            {
                issues.Add(new($"swaps.{i}.dayOff", $"{Text(swap.DayOff)} is a {swap.DayOff.DayOfWeek}: the day off of a swap is Monday to Friday."));
            }
            Claim(swap.Workday, $"swaps.{i}.workday");
            if (!IsWeekend(swap.Workday))
            {
                issues.Add(new($"swaps.{i}.workday", $"{Text(swap.Workday)} is a {swap.Workday.DayOfWeek}: the workday of a swap is a Saturday or Sunday."));
            }
        }
        issues.AddRange(NameIssues("holidays", days.Holidays.Select(holiday => holiday.Name)));
        issues.AddRange(NameIssues("compensatoryDays", days.CompensatoryDays.Select(day => day.Name)));
        issues.AddRange(NameIssues("swaps", days.Swaps.Select(swap => swap.Name)));
        return issues;
    }

    /// <summary>Names are read by people and stored as JSON: control characters have no place in them.</summary>
    private static IEnumerable<FieldError> NameIssues(string list, IEnumerable<string> names) =>
        names.Select((name, i) => (name, i))
            .Where(entry => entry.name.Any(char.IsControl))
            .Select(entry => new FieldError($"{list}.{entry.i}.name", "No control characters (tabs, line breaks)."));

    private static CalendarDays Trimmed(CalendarDays days) => new()
    {
        Holidays = [.. days.Holidays.Select(holiday => holiday with { Name = holiday.Name.Trim() })],
        CompensatoryDays = [.. days.CompensatoryDays.Select(day => day with { Name = day.Name.Trim() })],
        Swaps = [.. days.Swaps.Select(swap => swap with { Name = swap.Name.Trim() })],
    };

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex FourDigits();
}
