using Etransactions.Functions.Core.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Etransactions.Functions.Conversion;

/// <summary><c>GET /api/data-messages/{code}/pdf</c> and <c>/manifest</c>: the stored files, byte for byte.</summary>
public sealed class DownloadDataMessageFunction(ConversionLookups lookups)
{
    public const string Name = "downloadDataMessage";

    [Function(Name)]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/data-messages/{code}/{file}")] HttpRequest request, string code, string file)
    {
        if (file is not ("pdf" or "manifest"))
        {
            throw new NotFoundException("Chỉ có /pdf và /manifest / Only /pdf and /manifest can be downloaded");
        }
        var (content, contentType, fileName) = await lookups.DataMessageFileAsync(code, file, request.HttpContext.RequestAborted);
        var headers = request.HttpContext.Response.Headers;
        headers.CacheControl = "no-store";
        headers.ContentDisposition = $"{(file == "pdf" ? "inline" : "attachment")}; filename=\"{fileName}\"";
        return TypedResults.Bytes(content.ToArray(), contentType);
    }
}
