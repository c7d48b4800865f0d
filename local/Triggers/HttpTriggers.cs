using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.Extensions;
using Yarp.ReverseProxy.Forwarder;

namespace Etransactions.Local.Triggers;

/// <summary>
/// HTTP functions at their routes under host.json's prefix. Each request is forwarded to the worker's own
/// HTTP endpoint with the invocation id, and the invocation is sent over the host protocol beside it: the
/// ASP.NET Core integration pairs the two, as it does behind the Functions host.
/// </summary>
public sealed class HttpTriggers(Invoker invoker, IHttpForwarder forwarder, Uri workerUri, string routePrefix, string functionKey) : IDisposable
{
    private readonly HttpMessageInvoker _client = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        ActivityHeadersPropagator = null,
    });

    public void Dispose() => _client.Dispose();

    public void Map(WebApplication app, FunctionCatalog functions)
    {
        foreach (var function in functions.WithTrigger("httpTrigger"))
        {
            var route = function.Property("route") ?? function.Name;
            var template = routePrefix.Length == 0 ? $"/{route}" : $"/{routePrefix}/{route.TrimStart('/')}";
            var methods = function.Trigger["methods"]?.AsArray().Select(method => method!.GetValue<string>().ToUpperInvariant()).ToArray();
            var authLevel = function.Property("authLevel") ?? "function";
            var handler = (HttpContext context) => ForwardAsync(context, function, authLevel);
            if (methods is { Length: > 0 })
            {
                app.MapMethods(template, methods, handler);
            }
            else
            {
                app.Map(template, handler);
            }
        }
    }

    private async Task ForwardAsync(HttpContext context, AppFunction function, string authLevel)
    {
        if (!IsAuthorized(context.Request, authLevel))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        var invocationId = Guid.NewGuid().ToString();
        var trigger = new TypedData
        {
            Http = new RpcHttp { Method = context.Request.Method, Url = context.Request.GetEncodedUrl() },
        };
        // Route values bind the function's other parameters ({word} to `string word`), as the Functions host sends them.
        var routeValues = context.Request.RouteValues.ToDictionary(
            value => value.Key, value => BindingData.Text(Convert.ToString(value.Value, CultureInfo.InvariantCulture) ?? ""));
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var invocation = invoker.InvokeAsync(function, trigger, routeValues, invocationId, abandon.Token);
        var error = await forwarder.SendAsync(context, workerUri.ToString(), _client, ForwarderRequestConfig.Empty, (_, forwarded) =>
        {
            forwarded.Headers.Add("x-ms-invocation-id", invocationId);
            // The app builds links from the URL it was called at, as behind the Functions host.
            forwarded.Headers.Host = context.Request.Host.Value;
            return ValueTask.CompletedTask;
        });
        if (error != ForwarderError.None)
        {
            // The worker never saw the request: it would wait for it until the function timeout.
            await abandon.CancelAsync();
        }
        var outcome = await invocation;
        if (error != ForwarderError.None && !context.Response.HasStarted)
        {
            context.Response.StatusCode = outcome.Succeeded ? StatusCodes.Status502BadGateway : StatusCodes.Status500InternalServerError;
        }
    }

    /// <summary>authLevel function or admin needs the local host's key, in `x-functions-key` or `?code=`, as in Azure.</summary>
    private bool IsAuthorized(HttpRequest request, string authLevel) =>
        authLevel.Equals("anonymous", StringComparison.OrdinalIgnoreCase)
        || (request.Headers["x-functions-key"].FirstOrDefault() ?? request.Query["code"].FirstOrDefault()) is { } given
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(functionKey));
}
