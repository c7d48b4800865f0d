using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Etransactions.Functions.Publication.Downloads;

/// <summary>
/// Caching of the downloads: a strong ETag from the content's SHA-256, answered 304 on a matching
/// If-None-Match; a version asked for by number never changes (cached a year, immutable), the latest is
/// revalidated after ten minutes, since a new version is published at most once a day.
/// </summary>
public static class HttpCaching
{
    public const string Pinned = "public, max-age=31536000, immutable";
    public const string Latest = "public, max-age=600";

    /// <summary>Sets the caching headers; true when the caller's copy is current and the answer is 304.</summary>
    public static bool NotModified(HttpRequest request, string sha256, DateTimeOffset lastModified, bool pinned)
    {
        var etag = new EntityTagHeaderValue($"\"{sha256}\"");
        var response = request.HttpContext.Response;
        response.Headers.ETag = etag.ToString();
        response.Headers.CacheControl = pinned ? Pinned : Latest;
        response.GetTypedHeaders().LastModified = lastModified;
        response.Headers.XContentTypeOptions = "nosniff";
        return request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false));
    }

    /// <summary>A body made for the request (a page, a view), tagged by its own SHA-256: 304 when the caller has it, else the body.</summary>
    public static IResult Send(HttpRequest request, byte[] body, string contentType, DateTimeOffset lastModified, bool pinned) =>
        NotModified(request, Convert.ToHexStringLower(SHA256.HashData(body)), lastModified, pinned)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(body, contentType);
}
