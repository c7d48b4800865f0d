using Microsoft.AspNetCore.Http;

namespace Etransactions.Functions.Publication.Downloads;

/// <summary>
/// Addresses of the list's downloads, made from the address the request came to, whatever the route prefix:
/// absolute in JSON answers, from the root of the host on the page.
/// </summary>
public sealed class ListLinks(string lists)
{
    private const string Segment = "/lists/";

    /// <summary>Links like <c>https://host/api/lists/large-platforms.json?version=3</c>.</summary>
    public static ListLinks Absolute(HttpRequest request) => new($"{request.Scheme}://{request.Host}{ListsPath(request)}");

    /// <summary>Links like <c>/api/lists/large-platforms.json?version=3</c>.</summary>
    public static ListLinks Rooted(HttpRequest request) => new(ListsPath(request));

    public string Json(int version) => $"{lists}large-platforms.json?version={version}";

    public string Csv(int version) => $"{lists}large-platforms.csv?version={version}";

    public string Signature(int version) => $"{lists}large-platforms.json.p7s?version={version}";

    public string Versions => $"{lists}large-platforms/versions";

    /// <summary>The page of a version (the latest when null) in a language; Vietnamese, the default, needs no parameter.</summary>
    public string Page(int? version, PageLanguage language)
    {
        var query = new List<string>();
        if (version is { } number)
        {
            query.Add($"version={number}");
        }
        if (language != PageLanguage.Vietnamese)
        {
            query.Add($"lang={language.Code}");
        }
        return $"{lists}large-platforms{(query.Count == 0 ? "" : "?" + string.Join("&", query))}";
    }

    private static string ListsPath(HttpRequest request)
    {
        var path = $"{request.PathBase}{request.Path}";
        var at = path.IndexOf(Segment, StringComparison.Ordinal);
        return at < 0 ? Segment : path[..(at + Segment.Length)];
    }
}
