using System.Text;
using System.Text.RegularExpressions;

namespace Etransactions.Functions.Platforms.Registry;

/// <summary>What makes two platforms' names or websites the same, however they are written.</summary>
public static partial class UniqueKeys
{
    /// <summary>Names compare in NFC, without case and without extra spaces.</summary>
    public static string NameKey(string name) =>
        Spaces().Replace(name.Normalize(NormalizationForm.FormC).Trim(), " ").ToLowerInvariant();

    /// <summary>Websites compare by host (without <c>www.</c>) and path, ignoring the scheme, the query and a trailing slash.</summary>
    public static string WebsiteKey(string website)
    {
        var url = new Uri(website.Trim(), UriKind.Absolute);
        var host = url.IdnHost.ToLowerInvariant();
        host = host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
        return host + url.AbsolutePath.TrimEnd('/');
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
