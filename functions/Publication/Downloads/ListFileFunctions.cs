using Etransactions.Functions.Publication.Versions;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Etransactions.Functions.Publication.Downloads;

/// <summary>
/// The files of a version, anonymous and read-only, byte for byte as published:
/// <c>GET /api/lists/large-platforms.json</c>, <c>.csv</c> and <c>.json.p7s</c> (the signature), each with <c>?version=n</c>.
/// </summary>
public sealed class ListFileFunctions(ListDownloads downloads)
{
    public const string JsonName = "getLargePlatformListJson";
    public const string CsvName = "getLargePlatformListCsv";
    public const string SignatureName = "getLargePlatformListSignature";

    [Function(JsonName)]
    public Task<IResult> Json([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/lists/large-platforms.json")] HttpRequest request) =>
        SendAsync(request, files => files.Json, "application/json; charset=utf-8", "inline", "json");

    [Function(CsvName)]
    public Task<IResult> Csv([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/lists/large-platforms.csv")] HttpRequest request) =>
        SendAsync(request, files => files.Csv, "text/csv; charset=utf-8; header=present", "attachment", "csv");

    [Function(SignatureName)]
    public Task<IResult> Signature([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/lists/large-platforms.json.p7s")] HttpRequest request) =>
        SendAsync(request, files => files.Signature, ListSignature.ContentType, "attachment", "json.p7s");

    private async Task<IResult> SendAsync(HttpRequest request, Func<ListFiles, PublishedFile> pick, string contentType, string disposition, string extension)
    {
        var query = ListQuery.Parse(request);
        var (_, version) = await downloads.ResolveAsync(query.Version, request.HttpContext.RequestAborted);
        var file = pick(version.Files);
        if (HttpCaching.NotModified(request, file.Sha256, version.PublishedAt, pinned: query.Version is not null))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        request.HttpContext.Response.Headers.ContentDisposition = $"{disposition}; filename=\"{ListDocument.LargePlatforms}-v{version.Version}.{extension}\"";
        return TypedResults.Bytes(await downloads.FileAsync(file, request.HttpContext.RequestAborted), contentType);
    }
}
