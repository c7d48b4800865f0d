using Etransactions.Functions.ApiKeys;
using Etransactions.Functions.Conversion.Messages;
using Etransactions.Functions.Core.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Etransactions.Functions.Conversion.PaperCopies;

/// <summary><c>GET /api/data-messages/{code}/paper-copies/{copyId}/pdf</c> (the agency holding the message, or the regulator): the copy's PDF as issued.</summary>
public sealed class DownloadPaperCopyFunction(ApiKeyAuthenticator authenticator, PaperCopyStore copies)
{
    public const string Name = "downloadPaperCopy";

    [Function(Name)]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/data-messages/{code}/paper-copies/{copyId}/pdf")] HttpRequest request,
        string code, string copyId)
    {
        var cancellation = request.HttpContext.RequestAborted;
        var caller = await authenticator.AuthenticateAsync(request, cancellation);
        var lookup = DataMessageCode.Parse(code);
        var copy = await copies.GetAsync(lookup.Canonical, copyId, cancellation);
        if (copy is not { State: PaperCopyState.Issued, PdfPath: not null })
        {
            throw new NotFoundException($"Không có bản giấy {copyId} của thông điệp {lookup.Display} / No paper copy {copyId} of data message {lookup.Display}");
        }
        caller.RequireAgencyOrRegulator(copy.AgencyCode);
        var pdf = await copies.ReadPdfAsync(copy.PdfPath, cancellation)
            ?? throw new NotFoundException($"Tệp của bản giấy {copy.Number} không còn / The file of paper copy {copy.Number} is gone");
        var headers = request.HttpContext.Response.Headers;
        headers.CacheControl = "no-store";
        headers.ContentDisposition = $"inline; filename=\"{copy.Number?.Replace('/', '-')}.pdf\"";
        return TypedResults.Bytes(pdf.ToArray(), "application/pdf");
    }
}
