using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Etransactions.Functions.Conversion.Messages;
using Etransactions.Functions.Core;
using Etransactions.Functions.Core.InformationSystem;
using Etransactions.Functions.Signing.Validation;
using static Etransactions.Functions.Core.Web.Html;

namespace Etransactions.Functions.Conversion.Verification;

/// <summary>What the page answers: the search form alone, a code that is not one, a code nobody holds, or the message.</summary>
public abstract record VerificationOutcome
{
    public sealed record Search : VerificationOutcome;

    public sealed record Mistyped(string Typed, string ReasonVi, string ReasonEn) : VerificationOutcome;

    public sealed record Unknown(string Code) : VerificationOutcome;

    public sealed record Found(VerifiedMessage Message) : VerificationOutcome;
}

/// <summary>
/// The public verification page (Decree 137 Art. 5.1.b: a unique code to reach the data message through a search
/// interface), rendered on the server: complete without JavaScript, nothing loaded from anywhere, one inline style
/// sheet allowed by its hash, a search form that works as a plain GET. WCAG 2.1 AA: the language on the root and on
/// the other language's link, a skip link, headings in order, a labelled field with its hint, 4.5:1 contrast and a
/// visible focus, one column on a phone.
/// </summary>
public static class VerificationPage
{
    private const string Style = """
        :root{color:#1b1b1b;background:#fff;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif;line-height:1.5}
        body{margin:0 auto;max-width:52rem;padding:0 1rem 2rem}
        a{color:#0b4f9c}
        a:focus-visible,input:focus-visible,button:focus-visible{outline:3px solid #b35000;outline-offset:2px}
        .skip{position:absolute;left:-999rem;top:.5rem;background:#fff;padding:.25rem .5rem;z-index:1}
        .skip:focus{left:.5rem}
        header{border-bottom:4px solid #a51c1c;padding:1rem 0}
        h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0}
        h2{font-size:1.25rem;margin:2rem 0 .5rem}
        nav ul{list-style:none;display:flex;gap:1rem;margin:0;padding:0;justify-content:flex-end}
        nav a[aria-current]{font-weight:700;text-decoration:none;color:#1b1b1b}
        form{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end;justify-content:flex-start}
        label{display:block;font-weight:700}
        .hint{display:block;font-size:.9rem;color:#4a4a4a}
        input{font:inherit;padding:.4rem .5rem;border:2px solid #4a4a4a;border-radius:.25rem;min-width:12rem}
        button{font:inherit;padding:.45rem 1rem;border:2px solid #0b4f9c;border-radius:.25rem;background:#0b4f9c;color:#fff}
        .symbol{display:inline-block;border:2px solid #a51c1c;color:#8c0d0d;padding:.25rem .5rem;font-weight:700}
        .problem{border-left:6px solid #a51c1c;padding:.25rem .75rem;background:#fdf2f2}
        .valid{border-left:6px solid #1d6b2f;padding:.25rem .75rem;background:#f0f7f1}
        .invalid{border-left:6px solid #a51c1c;padding:.25rem .75rem;background:#fdf2f2}
        dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}
        dt{font-weight:700}
        dd{margin:0;overflow-wrap:anywhere}
        code{font-size:.875rem;overflow-wrap:anywhere}
        @media (max-width:40rem){h1{font-size:1.3rem}dl{grid-template-columns:1fr}dd{margin-bottom:.5rem}}
        """;

    /// <summary>Nothing may load; the style sheet above may apply; the form may send to the page itself.</summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)))}'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <param name="pageBase">The page's own path, <c>/verify</c>, for the form and the links.</param>
    public static string Render(VerificationOutcome outcome, VerificationText text, InformationSystemOptions system, string pageBase)
    {
        var code = outcome switch
        {
            VerificationOutcome.Found found => found.Message.Code,
            VerificationOutcome.Unknown unknown => unknown.Code,
            VerificationOutcome.Mistyped mistyped => mistyped.Typed,
            _ => "",
        };
        var page = new StringBuilder(8 * 1024);
        var title = outcome is VerificationOutcome.Found hit ? $"{Format(text.MessageHeading, hit.Message.Code)} — {text.Title}" : text.Title;
        page.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="{text.Code}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            <title>{Encode(title)}</title>
            <style>{Style}</style>
            </head>
            <body>
            <a class="skip" href="#main">{Encode(text.SkipToMain)}</a>
            <header>
            <nav aria-label="{Encode(text.LanguageNavigation)}"><ul>
            """);
        foreach (var other in VerificationText.All)
        {
            var current = other == text ? " aria-current=\"page\"" : "";
            page.Append(CultureInfo.InvariantCulture,
                $"<li><a href=\"{Encode(PageUrl(pageBase, outcome is VerificationOutcome.Search ? null : code, other))}\" lang=\"{other.Code}\" hreflang=\"{other.Code}\"{current}>{Encode(other.LanguageName)}</a></li>\n");
        }
        page.Append(CultureInfo.InvariantCulture, $"""
            </ul></nav>
            <h1>{Encode(text.Title)}</h1>
            <p>{Encode(system.Name)} — {Encode(system.Administrator)}</p>
            </header>
            <main id="main">

            """);
        switch (outcome)
        {
            case VerificationOutcome.Found found:
                AppendMessage(page, found.Message, text, system);
                break;
            case VerificationOutcome.Mistyped mistyped:
                page.Append(CultureInfo.InvariantCulture, $"<h2 id=\"problem\">{Encode(text.MistypedHeading)}</h2>\n<p class=\"problem\" role=\"alert\">{Encode(text.Code == "vi" ? mistyped.ReasonVi : mistyped.ReasonEn)}</p>\n");
                break;
            case VerificationOutcome.Unknown unknown:
                page.Append(CultureInfo.InvariantCulture, $"<h2 id=\"problem\">{Encode(text.NotFoundHeading)}</h2>\n<p class=\"problem\" role=\"alert\">{Encode(Format(text.NotFound, unknown.Code))}</p>\n");
                break;
            default:
                page.Append(CultureInfo.InvariantCulture, $"<p>{Encode(text.Intro)}</p>\n");
                break;
        }
        AppendSearch(page, text, pageBase, outcome is VerificationOutcome.Found ? "" : code, outcome is VerificationOutcome.Mistyped or VerificationOutcome.Unknown);
        page.Append("</main>\n</body>\n</html>\n");
        return page.ToString();
    }

    /// <summary>The page of a code in a language: <c>/verify/{code}?lang=en</c>, the search page without a code.</summary>
    public static string PageUrl(string pageBase, string? code, VerificationText text)
    {
        var path = string.IsNullOrEmpty(code) ? pageBase : $"{pageBase}/{Uri.EscapeDataString(code)}";
        return text == VerificationText.Vietnamese ? path : $"{path}?lang={text.Code}";
    }

    private static void AppendSearch(StringBuilder page, VerificationText text, string pageBase, string value, bool invalid)
    {
        var language = text == VerificationText.Vietnamese ? "" : $"<input type=\"hidden\" name=\"lang\" value=\"{text.Code}\">";
        var state = invalid ? " aria-invalid=\"true\" aria-describedby=\"code-hint problem\"" : " aria-describedby=\"code-hint\"";
        page.Append(CultureInfo.InvariantCulture, $"""
            <h2 id="search">{Encode(text.SearchHeading)}</h2>
            <form method="get" action="{Encode(pageBase)}" role="search" aria-labelledby="search">
            <div><label for="code">{Encode(text.CodeLabel)}</label><span class="hint" id="code-hint">{Encode(text.CodeHint)}</span>
            <input id="code" name="code" type="text" value="{Encode(value)}" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="40" required{state}></div>
            {language}<button type="submit">{Encode(text.Search)}</button>
            </form>

            """);
    }

    private static void AppendMessage(StringBuilder page, VerifiedMessage message, VerificationText text, InformationSystemOptions system)
    {
        var symbol = message.Converted
            ? (text == VerificationText.Vietnamese ? DataMessageSymbol.Vi : DataMessageSymbol.En)
            : text.ElectronicDocument;
        page.Append(CultureInfo.InvariantCulture, $"""
            <h2 id="message">{Encode(Format(text.MessageHeading, message.Code))}</h2>
            <p><span class="symbol">{Encode(symbol)}</span></p>
            <dl>

            """);
        Item(page, text.DocumentTitle, message.Title);
        Item(page, text.Issuer, message.Issuer);
        Item(page, text.Converter, message.Converter);
        page.Append(CultureInfo.InvariantCulture, $"<dt>{Encode(message.Converted ? text.ConvertedAt : text.StoredAt)}</dt><dd>{Time(message.At, text)}</dd>\n");
        Item(page, text.System, system.Name);
        Item(page, text.Administrator, system.Administrator);
        Item(page, text.RegisterNumber, message.RegisterNumber);
        Item(page, text.Pages, message.Pages.ToString(CultureInfo.InvariantCulture));
        page.Append(CultureInfo.InvariantCulture, $"<dt>{Encode(text.MessageSha256)}</dt><dd><code id=\"sha256\">{message.Sha256}</code></dd>\n");
        if (message.SourceSha256 is { } source)
        {
            page.Append(CultureInfo.InvariantCulture, $"<dt>{Encode(text.SourceSha256)}</dt><dd><code>{Encode(source)}</code></dd>\n");
        }
        page.Append("</dl>\n");

        page.Append(CultureInfo.InvariantCulture, $"<h2 id=\"signature\">{Encode(text.SignatureHeading)}</h2>\n");
        if (message.Signatures.Count == 0)
        {
            page.Append(CultureInfo.InvariantCulture, $"<p>{Encode(text.NoSignature)}</p>\n");
        }
        foreach (var signature in message.Signatures)
        {
            AppendSignature(page, signature, text);
        }

        page.Append(CultureInfo.InvariantCulture, $"<h2 id=\"copies\">{Encode(text.CopiesHeading)}</h2>\n");
        if (message.Copies.Count == 0)
        {
            page.Append(CultureInfo.InvariantCulture, $"<p>{Encode(text.NoCopies)}</p>\n");
        }
        else
        {
            page.Append("<ul>\n");
            foreach (var copy in message.Copies)
            {
                page.Append(CultureInfo.InvariantCulture, $"<li>{Encode(text.Copy)} {Encode(copy.Number)}, {Encode(text.IssuedAt)} {Time(copy.IssuedAt, text)}</li>\n");
            }
            page.Append("</ul>\n");
        }

        page.Append(CultureInfo.InvariantCulture, $"""
            <h2 id="original">{Encode(text.DownloadHeading)}</h2>
            <p><a id="download" href="/api/data-messages/{Encode(message.Code)}/pdf" type="application/pdf">{Encode(text.Download)}</a>, {Bytes(message.Bytes, text)} {Encode(text.Bytes)}</p>

            """);
    }

    private static void AppendSignature(StringBuilder page, PdfSignatureCheck signature, VerificationText text)
    {
        var (css, verdict) = signature.Status switch
        {
            SignatureStatus.Valid => ("valid", text.SignatureValid),
            SignatureStatus.Invalid => ("invalid", text.SignatureInvalid),
            _ => ("invalid", text.SignatureMalformed),
        };
        page.Append(CultureInfo.InvariantCulture, $"<div class=\"{css}\">\n<p><strong>{Encode(verdict)}</strong></p>\n<dl>\n");
        Item(page, text.SignedBy, signature.Signer);
        if (signature.SignedAt is { } at)
        {
            page.Append(CultureInfo.InvariantCulture, $"<dt>{Encode(text.SignedAt)}</dt><dd>{Time(at, text)}</dd>\n");
        }
        page.Append("</dl>\n<ul>\n");
        if (signature.Status != SignatureStatus.Malformed)
        {
            var integrity = !signature.IntegrityIntact ? text.Altered : signature.CoversWholeDocument ? text.Unchanged : text.ChangedAfter;
            page.Append(CultureInfo.InvariantCulture, $"<li>{Encode(integrity)}</li>\n");
            page.Append(CultureInfo.InvariantCulture, $"<li>{Encode(signature.CertificateTrusted ? text.Trusted : text.NotTrusted)}</li>\n");
            if (!signature.CertificateValidAtSigning)
            {
                page.Append(CultureInfo.InvariantCulture, $"<li>{Encode(text.CertificateNotValid)}</li>\n");
            }
        }
        page.Append("</ul>\n</div>\n");
    }

    private static void Item(StringBuilder page, string term, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            page.Append(CultureInfo.InvariantCulture, $"<dt>{Encode(term)}</dt><dd>{Encode(value)}</dd>\n");
        }
    }

    private static string Time(DateTimeOffset at, VerificationText text) =>
        $"<time datetime=\"{IsoTime.Format(at)}\">{Encode(VietnamTime.Display(at))} ({Encode(text.VietnamTime)}, UTC+07:00)</time>";

    /// <summary>1.234.567 in Vietnamese, 1,234,567 in English.</summary>
    private static string Bytes(long bytes, VerificationText text) =>
        bytes.ToString("#,##0", new NumberFormatInfo { NumberGroupSeparator = text == VerificationText.Vietnamese ? "." : "," });

    private static string Format(string template, string value) => string.Format(CultureInfo.InvariantCulture, template, value);
}
