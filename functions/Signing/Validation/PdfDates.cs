using System.Globalization;
using System.Text.RegularExpressions;

namespace Etransactions.Functions.Signing.Validation;

/// <summary>
/// PDF dates (ISO 32000-1 7.9.4), "D:YYYYMMDDHHmmSS+07'00'", every part after the year optional. Read here
/// rather than by PDFsharp, which converts to the machine's local time and loses the signer's offset.
/// </summary>
internal static partial class PdfDates
{
    public static DateTimeOffset? Parse(string? text)
    {
        if (text is null || Date().Match(text.Trim()) is not { Success: true } date)
        {
            return null;
        }

        int Part(string name, int absent) => date.Groups[name].Success ? int.Parse(date.Groups[name].Value, CultureInfo.InvariantCulture) : absent;
        // No offset given: the time is "unknown relative to UT"; UTC is the reading that shifts it least on average.
        var offset = new TimeSpan(Part("hh", 0), Part("mm", 0), 0);
        try
        {
            return new DateTimeOffset(
                Part("year", 0), Part("month", 1), Part("day", 1), Part("hour", 0), Part("minute", 0), Part("second", 0),
                date.Groups["sign"].Value == "-" ? -offset : offset);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null; // a month 13, an hour 25, an offset beyond 14 hours
        }
    }

    [GeneratedRegex(@"^(?:D:)?(?<year>\d{4})(?<month>\d{2})?(?<day>\d{2})?(?<hour>\d{2})?(?<minute>\d{2})?(?<second>\d{2})?(?:(?<sign>[Zz+\-])(?:(?<hh>\d{2})'?(?:(?<mm>\d{2})'?)?)?)?$")]
    private static partial Regex Date();
}
