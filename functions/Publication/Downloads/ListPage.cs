using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Etransactions.Functions.Core;
using Etransactions.Functions.Core.Web;
using Etransactions.Functions.Platforms.Domain;
using Etransactions.Functions.Publication.List;
using Etransactions.Functions.Publication.Versions;

namespace Etransactions.Functions.Publication.Downloads;

/// <summary>
/// The list's web page, rendered on the server: complete without JavaScript, no external resource of any
/// kind, one inline style sheet allowed by its hash. WCAG 2.1 AA: the language on the root and on the
/// other language's link, a skip link, headings in order, a table with caption and header cells, text and
/// focus contrast of at least 4.5:1, the wide table scrolling in a focusable region on a phone.
/// </summary>
public static class ListPage
{
    private const string Style = """
        :root{color:#1b1b1b;background:#fff;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif;line-height:1.5}
        body{margin:0 auto;max-width:80rem;padding:0 1rem 2rem}
        a{color:#0b4f9c}
        a:focus-visible,[tabindex]:focus-visible{outline:3px solid #b35000;outline-offset:2px}
        .skip{position:absolute;left:-999rem;top:.5rem;background:#fff;padding:.25rem .5rem;z-index:1}
        .skip:focus{left:.5rem}
        header{border-bottom:4px solid #a51c1c;padding:1rem 0}
        h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0}
        h2{font-size:1.25rem;margin:2rem 0 .5rem}
        nav ul{list-style:none;display:flex;gap:1rem;margin:0;padding:0;justify-content:flex-end}
        nav a[aria-current]{font-weight:700;text-decoration:none;color:#1b1b1b}
        dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}
        dt{font-weight:700}
        dd{margin:0}
        .scroll{overflow-x:auto;border:1px solid #767676}
        table{border-collapse:collapse;width:100%;min-width:56rem}
        caption{text-align:left;padding:.5rem;font-weight:700}
        th,td{border-top:1px solid #767676;padding:.5rem;text-align:left;vertical-align:top}
        thead th{background:#eef2f7}
        .num{text-align:right;font-variant-numeric:tabular-nums}
        .scale{display:inline-block;padding:0 .5rem;border-radius:.25rem;color:#fff;white-space:nowrap}
        .particularlyLarge{background:#a51c1c}
        .large{background:#0b4f9c}
        code{font-size:.875rem;overflow-wrap:anywhere}
        pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f3f3f3;padding:.5rem}
        li{margin:.25rem 0}
        @media (max-width:40rem){h1{font-size:1.3rem}dl{grid-template-columns:1fr}dd{margin-bottom:.5rem}}
        """;

    /// <summary>The Content-Security-Policy of the page: nothing may load, the style sheet above may apply.</summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)))}'; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static string Render(ListIndex index, ListVersion version, ListDocument document, PageLanguage language, ListLinks links, bool pinned)
    {
        var text = language.Text;
        var page = new StringBuilder(16 * 1024);
        page.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="{language.Code}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{H(text.Title)} — {H(text.Version)} {version.Version}</title>
            <link rel="alternate" type="application/json" href="{H(links.Json(version.Version))}">
            <style>{Style}</style>
            </head>
            <body>
            <a class="skip" href="#list">{H(text.SkipToList)}</a>
            <header>
            <nav aria-label="{H(text.LanguageNavigation)}"><ul>
            """);
        foreach (var other in PageLanguage.All)
        {
            var current = other == language ? " aria-current=\"page\"" : "";
            page.Append(CultureInfo.InvariantCulture,
                $"<li><a href=\"{H(links.Page(pinned ? version.Version : null, other))}\" lang=\"{other.Code}\" hreflang=\"{other.Code}\"{current}>{H(other.Name)}</a></li>\n");
        }
        page.Append(CultureInfo.InvariantCulture, $"""
            </ul></nav>
            <h1>{H(text.Title)}</h1>
            <p>{H(text.LegalBasis)}</p>
            </header>
            <main>
            <h2 id="version">{H(text.ThisVersion)}</h2>
            """);
        if (version.Version != index.Latest)
        {
            page.Append(CultureInfo.InvariantCulture, $"<p><strong>{H(text.NotLatest)}: <a href=\"{H(links.Page(null, language))}\">{H(text.Version)} {index.Latest}</a>.</strong></p>\n");
        }
        var latestMark = version.Version == index.Latest ? $" ({H(text.LatestMark)})" : "";
        page.Append(CultureInfo.InvariantCulture, $"""
            <dl>
            <dt>{H(text.Version)}</dt><dd>{version.Version}{latestMark}</dd>
            <dt>{H(text.PublishedAt)}</dt><dd><time datetime="{IsoTime.Format(version.PublishedAt)}">{H(language.DateTime(version.PublishedAt))}</time></dd>
            <dt>{H(text.PlatformCount)}</dt><dd>{version.Platforms}</dd>
            <dt>{H(text.SignedBy)}</dt><dd>{H(version.Signer)}</dd>
            </dl>
            <h2 id="list">{H(text.ListHeading)}</h2>
            """);
        AppendTable(page, document.Platforms, language);
        AppendDownloads(page, version, links, language);
        page.Append(CultureInfo.InvariantCulture, $"<h2 id=\"changes\">{H(text.Changes)}</h2>\n");
        AppendChanges(page, version, language);
        page.Append(CultureInfo.InvariantCulture, $"<h2 id=\"history\">{H(text.History)}</h2>\n<ol reversed>\n");
        foreach (var entry in index.Versions)
        {
            var name = $"{H(text.Version)} {entry.Version}";
            var label = entry.Version == version.Version ? $"<strong aria-current=\"page\">{name}</strong>" : $"<a href=\"{H(links.Page(entry.Version, language))}\">{name}</a>";
            page.Append(CultureInfo.InvariantCulture, $"<li>{label}, <time datetime=\"{IsoTime.Format(entry.PublishedAt)}\">{H(language.DateTime(entry.PublishedAt))}</time>: ");
            AppendChangeSummary(page, entry, language);
            page.Append("</li>\n");
        }
        page.Append("</ol>\n</main>\n</body>\n</html>\n");
        return page.ToString();
    }

    private static void AppendTable(StringBuilder page, IReadOnlyList<ListedPlatform> platforms, PageLanguage language)
    {
        var text = language.Text;
        if (platforms.Count == 0)
        {
            page.Append(CultureInfo.InvariantCulture, $"<p>{H(text.Empty)}</p>\n");
            return;
        }
        page.Append(CultureInfo.InvariantCulture, $"""
            <div class="scroll" role="region" aria-labelledby="caption" tabindex="0">
            <table>
            <caption id="caption">{H(text.Caption)}</caption>
            <thead><tr><th scope="col">{H(text.Number)}</th><th scope="col">{H(text.Platform)}</th><th scope="col">{H(text.Administrator)}</th><th scope="col">{H(text.Scale)}</th><th scope="col" class="num">{H(text.Users)}</th><th scope="col" class="num">{H(text.Share)}</th><th scope="col">{H(text.Population)}</th><th scope="col">{H(text.Cycle)}</th><th scope="col">{H(text.DeterminedOn)}</th></tr></thead>
            <tbody>

            """);
        var number = 0;
        foreach (var platform in platforms)
        {
            number++;
            page.Append(CultureInfo.InvariantCulture, $"""
                <tr><td>{number}</td><th scope="row"><a href="{H(platform.Website)}" rel="nofollow noopener">{H(platform.Name)}</a></th><td>{H(platform.Administrator)} ({H(platform.AdministratorCountry)})</td><td><span class="scale {ScaleClass(platform.Scale)}">{H(text.ScaleName(platform.Scale))}</span></td><td class="num">{language.Number(platform.AverageMonthlyActiveUsers)}</td><td class="num">{language.Percent(platform.SharePercent)}</td><td>{language.Number(platform.PopulationValue)} ({H(text.PopulationOf)} {platform.PopulationYear}; {H(platform.PopulationSource)})</td><td>{platform.Cycle}</td><td><time datetime="{platform.DeterminedOn:yyyy-MM-dd}">{H(language.Date(platform.DeterminedOn))}</time></td></tr>

                """);
        }
        page.Append("</tbody>\n</table>\n</div>\n");
    }

    private static void AppendDownloads(StringBuilder page, ListVersion version, ListLinks links, PageLanguage language)
    {
        var text = language.Text;
        var n = version.Version;
        page.Append(CultureInfo.InvariantCulture, $"""
            <h2 id="downloads">{H(text.Downloads)}</h2>
            <ul>
            <li><a href="{H(links.Json(n))}" type="application/json">{H(text.JsonFile)}</a>, {language.Number(version.Files.Json.Bytes)} {H(text.Bytes)}, SHA-256 <code>{version.Files.Json.Sha256}</code></li>
            <li><a href="{H(links.Csv(n))}" type="text/csv">{H(text.CsvFile)}</a>, {language.Number(version.Files.Csv.Bytes)} {H(text.Bytes)}, SHA-256 <code>{version.Files.Csv.Sha256}</code></li>
            <li><a href="{H(links.Signature(n))}" type="{ListSignature.ContentType}">{H(text.SignatureFile)}</a>, {language.Number(version.Files.Signature.Bytes)} {H(text.Bytes)}</li>
            <li><a href="{H(links.Versions)}" type="application/json">{H(text.VersionsFile)}</a></li>
            </ul>
            <p>{H(text.Verify)}</p>
            <pre><code>openssl cms -verify -binary -inform DER -in {ListDocument.LargePlatforms}-v{n}.json.p7s -content {ListDocument.LargePlatforms}-v{n}.json -noverify -out /dev/null -print</code></pre>
            <p>{H(text.VerifyCsv)}</p>

            """);
    }

    private static void AppendChanges(StringBuilder page, ListVersion version, PageLanguage language)
    {
        var text = language.Text;
        var changes = version.Changes;
        if (version.Version == 1)
        {
            page.Append(CultureInfo.InvariantCulture, $"<p>{H(text.FirstVersion)}</p>\n");
        }
        if (changes.None)
        {
            page.Append(CultureInfo.InvariantCulture, $"<p>{H(text.NoChanges)}</p>\n");
            return;
        }
        page.Append("<ul>\n");
        foreach (var added in changes.Added)
        {
            page.Append(CultureInfo.InvariantCulture, $"<li>{H(text.Added)}: {H(added.Name)} ({H(text.ScaleName(added.Scale))})</li>\n");
        }
        foreach (var removed in changes.Removed)
        {
            page.Append(CultureInfo.InvariantCulture, $"<li>{H(text.Removed)}: {H(removed.Name)} ({H(text.ScaleName(removed.Scale))})</li>\n");
        }
        foreach (var changed in changes.ScaleChanged)
        {
            page.Append(CultureInfo.InvariantCulture, $"<li>{H(text.ScaleChanged)}: {H(changed.Name)} ({H(text.ScaleName(changed.From))} → {H(text.ScaleName(changed.To))})</li>\n");
        }
        page.Append("</ul>\n");
    }

    private static void AppendChangeSummary(StringBuilder page, ListVersion entry, PageLanguage language)
    {
        var text = language.Text;
        var changes = entry.Changes;
        var parts = new List<string>();
        if (changes.Added.Count > 0)
        {
            parts.Add($"{H(text.Added)} {string.Join(", ", changes.Added.Select(change => H(change.Name)))}");
        }
        if (changes.Removed.Count > 0)
        {
            parts.Add($"{H(text.Removed)} {string.Join(", ", changes.Removed.Select(change => H(change.Name)))}");
        }
        if (changes.ScaleChanged.Count > 0)
        {
            parts.Add($"{H(text.ScaleChanged)} {string.Join(", ", changes.ScaleChanged.Select(change => H(change.Name)))}");
        }
        page.Append(parts.Count == 0 ? H(entry.Version == 1 ? text.FirstVersion : text.NoChanges) : string.Join("; ", parts) + ".");
    }

    private static string ScaleClass(Scale scale) => scale == Scale.ParticularlyLarge ? "particularlyLarge" : "large";

    /// <summary>Text escaped for HTML content and quoted attributes; Vietnamese letters stay as they are (the page is UTF-8).</summary>
    private static string H(string value) => Html.Encode(value);
}
