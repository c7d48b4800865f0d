namespace Etransactions.Functions.Core.Web;

/// <summary>Text put into the app's server-rendered pages, escaped for element content and quoted attributes alike.</summary>
public static class Html
{
    public static string Encode(string? value) => (value ?? "")
        .Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);
}
