using System.Globalization;
using System.Text.RegularExpressions;
using Etransactions.Functions.Core;
using Etransactions.Functions.Core.Problems;

namespace Etransactions.Functions.Platforms.Population;

/// <summary>A population year from a route: four digits, from 1900 to the current year (Vietnam time).</summary>
public static partial class PopulationYear
{
    public static int Parse(string text, DateTimeOffset now)
    {
        var current = VietnamTime.DateOf(now).Year;
        if (FourDigits().IsMatch(text) && int.Parse(text, CultureInfo.InvariantCulture) is var year and >= 1900 && year <= current)
        {
            return year;
        }
        throw new ValidationFailedException([new FieldError("year", $"A year from 1900 to {current}.")]);
    }

    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex FourDigits();
}
