using Etransactions.Functions.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Etransactions.Functions.Conversion;

/// <summary><c>GET /api/conversions?blob=scans/{agencyCode}/{path}</c>: what became of an upload.</summary>
public sealed class GetConversionFunction(ConversionLookups lookups)
{
    public const string Name = "getConversion";

    [Function(Name)]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/conversions")] HttpRequest request)
    {
        var view = await lookups.ConversionStatusAsync(request.Query["blob"], ApiBase.Of(request, 1), request.HttpContext.RequestAborted);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(view, AppJson.Options);
    }
}
