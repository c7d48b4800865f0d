using Etransactions.Functions.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Etransactions.Functions.Health;

/// <summary><c>GET /api/health</c>: 200 when Blob, Queue and Table storage answer, 503 naming those that do not.</summary>
public sealed partial class HealthFunction(StorageHealthCheck storage, ILogger<HealthFunction> logger)
{
    public const string Name = "health";

    [Function(Name)]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/health")] HttpRequest request)
    {
        var report = await storage.CheckAsync(request.HttpContext.RequestAborted);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        if (!report.IsHealthy)
        {
            LogDown(string.Join(", ", report.Down ?? []));
        }

        var status = report.IsHealthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        return TypedResults.Json(report, AppJson.Options, statusCode: status);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health check: storage down: {Down}")]
    private partial void LogDown(string down);
}
