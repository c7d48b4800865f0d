using System.Globalization;
using Etransactions.Functions.ActiveUsers.Intake;
using Etransactions.Functions.Core.Problems;

namespace Etransactions.Functions.ActiveUsers.Reading;

/// <summary>The months a reading covers, <c>from</c> and <c>to</c> as <c>yyyy-MM</c>; by default the 12 months up to the current one.</summary>
public sealed record MonthRange(string From, string To)
{
    public const int MaxMonths = 60;

    public static MonthRange Parse(string? from, string? to, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        var last = to is null ? Month(ActivityWindow.MonthOf(now)) : Parse(to, "to", errors);
        var first = from is null ? last?.AddMonths(-11) : Parse(from, "from", errors);
        if (errors.Count == 0 && first > last)
        {
            errors.Add(new FieldError("from", "Must not be after to."));
        }
        if (errors.Count == 0 && (((last!.Value.Year - first!.Value.Year) * 12) + last.Value.Month - first.Value.Month) >= MaxMonths)
        {
            errors.Add(new FieldError("from", $"At most {MaxMonths} months are read at once."));
        }
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }
        return new MonthRange(Name(first!.Value), Name(last!.Value));
    }

    public IEnumerable<string> Months()
    {
        for (var month = Month(From); string.CompareOrdinal(Name(month), To) <= 0; month = month.AddMonths(1))
        {
            yield return Name(month);
        }
    }

    /// <summary>The twelve months ending with <paramref name="last"/>.</summary>
    public static MonthRange TwelveEndingAt(string last) => new(Name(Month(last).AddMonths(-11)), last);

    private static DateOnly? Parse(string text, string field, List<FieldError> errors)
    {
        if (text.Length == 7 && DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return month;
        }
        errors.Add(new FieldError(field, "A month as YYYY-MM."));
        return null;
    }

    private static DateOnly Month(string month) => DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Name(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
