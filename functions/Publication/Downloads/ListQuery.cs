using System.Globalization;
using Etransactions.Functions.Core.Problems;
using Microsoft.AspNetCore.Http;

namespace Etransactions.Functions.Publication.Downloads;

/// <summary>The query of a download: <c>?version=n</c> (the latest when absent) and, for the page, <c>?lang=vi|en</c>.</summary>
public sealed record ListQuery(int? Version, PageLanguage Language)
{
    public static ListQuery Parse(HttpRequest request)
    {
        var errors = new List<FieldError>();
        int? version = null;
        if (request.Query["version"] is { Count: > 0 } versions)
        {
            // Digits only, no sign, no leading zero: one spelling per version, so one URL per cached file.
            if (versions.Count == 1 && versions[0] is { Length: > 0 and <= 9 } text && text[0] != '0' && text.All(char.IsAsciiDigit))
            {
                version = int.Parse(text, CultureInfo.InvariantCulture);
            }
            else
            {
                errors.Add(new FieldError("version", "phải là số phiên bản, số nguyên từ 1 / must be a version number, a whole number from 1"));
            }
        }
        var language = PageLanguage.Vietnamese;
        if (request.Query["lang"] is { Count: > 0 } languages)
        {
            if (languages.Count == 1 && PageLanguage.Find(languages[0]) is { } found)
            {
                language = found;
            }
            else
            {
                errors.Add(new FieldError("lang", "phải là vi hoặc en / must be vi or en"));
            }
        }
        ValidationFailedException.ThrowIfAny(errors);
        return new ListQuery(version, language);
    }
}
