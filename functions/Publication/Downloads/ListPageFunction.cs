using System.Text;
using Etransactions.Functions.Publication.Versions;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Etransactions.Functions.Publication.Downloads;

/// <summary><c>GET /api/lists/large-platforms</c> (anonymous): the web page of the list, <c>?lang=en</c> in English, <c>?version=n</c> for an earlier version.</summary>
public sealed class ListPageFunction(ListDownloads downloads)
{
    public const string Name = "getLargePlatformListPage";

    [Function(Name)]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/lists/large-platforms")] HttpRequest request)
    {
        var cancellation = request.HttpContext.RequestAborted;
        var query = ListQuery.Parse(request);
        var (index, version) = await downloads.ResolveAsync(query.Version, cancellation);
        var document = ListDocument.Parse(await downloads.FileAsync(version.Files.Json, cancellation));
        var page = Encoding.UTF8.GetBytes(ListPage.Render(index, version, document, query.Language, ListLinks.Rooted(request), pinned: query.Version is not null));
        request.HttpContext.Response.Headers.ContentSecurityPolicy = ListPage.ContentSecurityPolicy;
        request.HttpContext.Response.Headers.ContentLanguage = query.Language.Code;
        // A pinned version's page still changes when a later version is published (its history, the "not the latest" note).
        return HttpCaching.Send(request, page, "text/html; charset=utf-8", index.Versions[0].PublishedAt, pinned: false);
    }
}
