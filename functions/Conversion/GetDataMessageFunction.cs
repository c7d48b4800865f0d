using Etransactions.Functions.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Etransactions.Functions.Conversion;

/// <summary><c>GET /api/data-messages/{code}</c>: the manifest without the full text, with download links.</summary>
public sealed class GetDataMessageFunction(ConversionLookups lookups)
{
    public const string Name = "getDataMessage";

    [Function(Name)]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/data-messages/{code}")] HttpRequest request, string code)
    {
        var view = await lookups.DataMessageAsync(code, ApiBase.Of(request, 2), request.HttpContext.RequestAborted);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(view, AppJson.Options);
    }
}
