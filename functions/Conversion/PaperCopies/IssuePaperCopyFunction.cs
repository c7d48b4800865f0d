using Etransactions.Functions.ApiKeys;
using Etransactions.Functions.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Etransactions.Functions.Conversion.PaperCopies;

/// <summary>
/// <c>POST /api/data-messages/{code}/paper-copies</c> (the key of the agency holding the message, or the
/// regulator's) with <c>{ "converter", "purpose" }</c>: <c>201</c> with the copy's record and its PDF's link, or
/// the PDF itself when asked with <c>Accept: application/pdf</c>; a repeat within a minute answers <c>200</c>
/// with the first copy.
/// </summary>
public sealed class IssuePaperCopyFunction(ApiKeyAuthenticator authenticator, PaperCopyIssuer issuer, PaperCopyStore copies)
{
    public const string Name = "issuePaperCopy";
    private const int MaxBodyBytes = 8 * 1024;

    [Function(Name)]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/data-messages/{code}/paper-copies")] HttpRequest request, string code)
    {
        var cancellation = request.HttpContext.RequestAborted;
        var caller = await authenticator.AuthenticateAsync(request, cancellation);
        var body = await JsonBody.ReadAsync<PaperCopyBody>(request, MaxBodyBytes);
        var (copy, created) = await issuer.IssueAsync(code, caller, body, cancellation);
        var view = PaperCopyViews.Of(copy, ApiBase.Site(request));
        var headers = request.HttpContext.Response.Headers;
        headers.CacheControl = "no-store";
        headers.Location = view["links"]!["pdf"]!.GetValue<string>();
        var status = created ? StatusCodes.Status201Created : StatusCodes.Status200OK;
        if (request.GetTypedHeaders().Accept.Any(accept => accept.MediaType == "application/pdf"))
        {
            var pdf = await copies.ReadPdfAsync(copy.PdfPath!, cancellation);
            headers.ContentDisposition = $"inline; filename=\"{copy.Number?.Replace('/', '-')}.pdf\"";
            headers["X-Register-Number"] = copy.Number;
            return new PdfResult(pdf!.ToArray(), status);
        }
        return TypedResults.Json(view, AppJson.Options, statusCode: status);
    }
}

/// <summary>A PDF answered with a status of its own (TypedResults' files are always 200).</summary>
internal sealed class PdfResult(byte[] pdf, int status) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = status;
        httpContext.Response.ContentType = "application/pdf";
        httpContext.Response.ContentLength = pdf.Length;
        await httpContext.Response.Body.WriteAsync(pdf, httpContext.RequestAborted);
    }
}
