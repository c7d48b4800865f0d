using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Core.Problems;
using Microsoft.AspNetCore.Http;

namespace Etransactions.Functions.Publication.Downloads;

/// <summary>The query of a download: <c>?version=n</c> (the latest when absent) and, for the page, <c>?lang=vi|en</c>.</summary>
public sealed record ListQuery(int? Version, PageLanguage Language)
{
    public static ListQuery Parse(HttpRequest request)
    {
        var errors = new List<FieldError>();
        var version = VersionQuery.Read(request, errors);
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
