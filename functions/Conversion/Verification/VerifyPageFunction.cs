using System.Text;
using Etransactions.Functions.Conversion.Messages;
using Etransactions.Functions.Core.InformationSystem;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Etransactions.Functions.Conversion.Verification;

/// <summary>
/// <c>GET /verify/{code}</c> (public, anonymous, read-only): the page a paper copy's QR code opens; <c>/verify</c>
/// alone is the search form, whose <c>?code=</c> is sent on to the code's own address; <c>?lang=en</c> in English.
/// </summary>
public sealed class VerifyPageFunction(VerificationLookup lookup, IOptions<InformationSystemOptions> system)
{
    public const string Name = "verifyPage";
    public const string Path = "/verify";

    [Function(Name)]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "verify/{code?}")] HttpRequest request, string? code)
    {
        var text = VerificationText.Of(request.Query["lang"].ToString());
        var pageBase = $"{request.PathBase}{Path}";
        var searched = request.Query["code"].ToString();
        if (string.IsNullOrWhiteSpace(code) && !string.IsNullOrWhiteSpace(searched))
        {
            if (TryParse(searched, out var typed, out var mistyped))
            {
                return TypedResults.Redirect(VerificationPage.PageUrl(pageBase, typed.Display, text));
            }
            return Page(request, mistyped!, text, pageBase, StatusCodes.Status400BadRequest);
        }
        if (string.IsNullOrWhiteSpace(code))
        {
            return Page(request, new VerificationOutcome.Search(), text, pageBase, StatusCodes.Status200OK);
        }
        if (!TryParse(code, out var lookupCode, out var wrong))
        {
            return Page(request, wrong!, text, pageBase, StatusCodes.Status400BadRequest);
        }
        var message = await lookup.FindAsync(lookupCode, request.HttpContext.RequestAborted);
        return message is null
            ? Page(request, new VerificationOutcome.Unknown(lookupCode.Display), text, pageBase, StatusCodes.Status404NotFound)
            : Page(request, new VerificationOutcome.Found(message), text, pageBase, StatusCodes.Status200OK);
    }

    private static bool TryParse(string typed, out LookupCode code, out VerificationOutcome.Mistyped? mistyped)
    {
        try
        {
            code = LookupCode.Parse(typed);
            mistyped = null;
            return true;
        }
        catch (InvalidLookupCodeException invalid)
        {
            code = default;
            mistyped = new VerificationOutcome.Mistyped(typed.Trim(), invalid.ReasonVi, invalid.ReasonEn);
            return false;
        }
    }

    private Microsoft.AspNetCore.Http.HttpResults.Utf8ContentHttpResult Page(HttpRequest request, VerificationOutcome outcome, VerificationText text, string pageBase, int status)
    {
        var headers = request.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = VerificationPage.ContentSecurityPolicy;
        headers.ContentLanguage = text.Code;
        // The signature is checked on every view, against the bytes stored now.
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        var html = Encoding.UTF8.GetBytes(VerificationPage.Render(outcome, text, system.Value, pageBase));
        return TypedResults.Text(html, "text/html; charset=utf-8", status);
    }
}
