using System.Text.Json;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Publication.List;
using Etransactions.Functions.Publication.Versions;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Etransactions.Functions.Publication.Downloads;

/// <summary>
/// <c>GET /api/lists/large-platforms/versions</c> (anonymous): every version, newest first, with what changed,
/// who signed it and the address, SHA-256 and size of each file; <c>?version=n</c> gives that version alone.
/// </summary>
public sealed class ListVersionsFunction(ListDownloads downloads)
{
    public const string Name = "getLargePlatformListVersions";

    [Function(Name)]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/lists/large-platforms/versions")] HttpRequest request)
    {
        var query = ListQuery.Parse(request);
        var (index, version) = await downloads.ResolveAsync(query.Version, request.HttpContext.RequestAborted);
        var links = ListLinks.Absolute(request);
        object view = query.Version is null
            ? new VersionsView(ListDocument.LargePlatforms, index.Latest, [.. index.Versions.Select(entry => VersionView.Of(entry, links))])
            : VersionView.Of(version, links);
        var body = JsonSerializer.SerializeToUtf8Bytes(view, AppJson.Options);
        var lastModified = query.Version is null ? index.Versions[0].PublishedAt : version.PublishedAt;
        return HttpCaching.Send(request, body, "application/json; charset=utf-8", lastModified, pinned: query.Version is not null);
    }
}

public sealed record VersionsView(string List, int Latest, IReadOnlyList<VersionView> Versions);

public sealed record VersionView(int Version, DateTimeOffset PublishedAt, int Platforms, string Signer, ListChanges Changes, FileLinks Files)
{
    public static VersionView Of(ListVersion version, ListLinks links) => new(
        version.Version, version.PublishedAt, version.Platforms, version.Signer, version.Changes,
        new FileLinks(
            new FileLink(links.Json(version.Version), version.Files.Json.Sha256, version.Files.Json.Bytes),
            new FileLink(links.Csv(version.Version), version.Files.Csv.Sha256, version.Files.Csv.Bytes),
            new FileLink(links.Signature(version.Version), version.Files.Signature.Sha256, version.Files.Signature.Bytes),
            links.Page(version.Version, PageLanguage.Vietnamese)));
}

/// <param name="Page">The web page of the version.</param>
public sealed record FileLinks(FileLink Json, FileLink Csv, FileLink Signature, string Page);

public sealed record FileLink(string Url, string Sha256, long Bytes);
