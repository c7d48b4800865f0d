using Microsoft.AspNetCore.Http;

namespace Etransactions.Functions.Core.Http;

/// <summary>The absolute API root of a request (<c>https://host/api</c>), for links in answers, whatever the route prefix.</summary>
public static class ApiBase
{
    /// <param name="routeSegments">How many path segments the function's route has.</param>
    public static string Of(HttpRequest request, int routeSegments)
    {
        var segments = request.Path.Value?.TrimEnd('/').Split('/') ?? [];
        var root = string.Join('/', segments.Take(Math.Max(1, segments.Length - routeSegments)));
        return $"{Site(request)}{root}";
    }

    /// <summary>The absolute site root of a request (<c>https://host</c>), for links to pages outside the API.</summary>
    public static string Site(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
