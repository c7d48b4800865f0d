using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Etransactions.IntegrationTests.Support;
using Microsoft.AspNetCore.Http;

namespace Etransactions.IntegrationTests.Conversion.Ocr;

/// <summary>
/// Azure AI Document Intelligence's analyze API (2024-11-30) on 127.0.0.1 over https: POST analyze answers
/// 202 with an Operation-Location, GET polls answer running, then succeeded with a prebuilt-read result for
/// the pages the <c>pages</c> parameter names. Records every request.
/// </summary>
internal sealed class FakeDocumentIntelligence : IAsyncDisposable
{
    private const string AnalyzePath = "/documentintelligence/documentModels/prebuilt-read:analyze";
    private const string ResultsPath = "/documentintelligence/documentModels/prebuilt-read/analyzeResults/";

    private readonly FakeBehaviour _behaviour;
    private readonly ConcurrentDictionary<string, (int Polls, string Pages)> _operations = new();
    private LoopbackHttpsServer _server = null!;
    private int _analyzeCalls;

    private FakeDocumentIntelligence(FakeBehaviour behaviour) => _behaviour = behaviour;

    public X509Certificate2 Certificate => _server.Certificate;

    public Uri Endpoint => _server.Uri;

    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    /// <summary>The lines the fake "reads" on page n (1-based).</summary>
    public static IReadOnlyList<string> Lines(int n) => [$"Trang {n}: Giấy xác nhận", "Ông Nguyễn Văn Đức thường trú tại Hà Nội"];

    public static async Task<FakeDocumentIntelligence> StartAsync(FakeBehaviour? behaviour = null)
    {
        var fake = new FakeDocumentIntelligence(behaviour ?? new FakeBehaviour());
        fake._server = await LoopbackHttpsServer.StartAsync(fake.HandleAsync);
        return fake;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var request = context.Request;
        Requests.Enqueue(new FakeRequest(
            request.Method, request.Path, request.Query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString()),
            request.ContentType, request.Headers.Authorization.ToString(), Base64Source(body.ToArray()), DateTimeOffset.UtcNow));

        if (request.Method == "POST" && request.Path == AnalyzePath)
        {
            await AnalyzeAsync(context);
        }
        else if (request.Method == "GET" && request.Path.StartsWithSegments(ResultsPath.TrimEnd('/'), out var rest)
            && _operations.TryGetValue(rest.Value!.Trim('/'), out var operation))
        {
            await PollAsync(context, rest.Value!.Trim('/'), operation);
        }
        else
        {
            await Json(context, 404, Error("NotFound", "Resource not found"));
        }
    }

    private async Task AnalyzeAsync(HttpContext context)
    {
        var call = Interlocked.Increment(ref _analyzeCalls);
        if (_behaviour.AnswerAfter is { } delay)
        {
            await Task.Delay(delay, context.RequestAborted).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (_behaviour.ThrottleAlways || (_behaviour.ThrottleFirst && call == 1))
        {
            context.Response.Headers.RetryAfter = "1";
            await Json(context, 429, Error("429", "Rate limit is exceeded."));
            return;
        }

        if (Requests.Last().Document is null || context.Request.ContentType != "application/json")
        {
            await Json(context, 400, Error("InvalidRequest", "Invalid request.", "InvalidContentSourceFormat"));
            return;
        }

        if (_behaviour.FailWith is { } failure)
        {
            await Json(context, failure.Status, Error(failure.Code, "The request failed.", failure.InnerCode));
            return;
        }

        var id = Guid.NewGuid().ToString();
        _operations[id] = (0, context.Request.Query["pages"].ToString());
        context.Response.StatusCode = 202;
        context.Response.Headers["Operation-Location"] = _behaviour.OperationHost is { } host
            ? $"https://{host}{ResultsPath}{id}?api-version=2024-11-30"
            : $"{Endpoint.GetLeftPart(UriPartial.Authority)}{ResultsPath}{id}?api-version=2024-11-30";
        context.Response.Headers.RetryAfter = "0";
    }

    private async Task PollAsync(HttpContext context, string id, (int Polls, string Pages) operation)
    {
        var polls = operation.Polls + 1;
        _operations[id] = (polls, operation.Pages);
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        if (polls <= _behaviour.RunningPolls)
        {
            context.Response.Headers.RetryAfter = _behaviour.PollRetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            await Json(context, 200, new JsonObject { ["status"] = "running", ["createdDateTime"] = now, ["lastUpdatedDateTime"] = now });
            return;
        }

        if (_behaviour.AnalysisFailsWith is { } code)
        {
            await Json(context, 200, new JsonObject { ["status"] = "failed", ["createdDateTime"] = now, ["error"] = Error(code, "Analysis failed.")["error"]!.DeepClone() });
            return;
        }

        var result = FakeAnalyzeResult.For(FakeAnalyzeResult.Numbers(operation.Pages), _behaviour.PixelPage);
        await Json(context, 200, new JsonObject { ["status"] = "succeeded", ["createdDateTime"] = now, ["lastUpdatedDateTime"] = now, ["analyzeResult"] = result });
    }

    /// <summary>The document a request body <c>{"base64Source": "…"}</c> carries; null for anything else.</summary>
    private static byte[]? Base64Source(byte[] body)
    {
        try
        {
            return body.Length > 0 && JsonNode.Parse(body)?["base64Source"]?.GetValue<string>() is { } base64 ? Convert.FromBase64String(base64) : null;
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    private static JsonObject Error(string code, string message, string? innerCode = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (innerCode is not null)
        {
            error["innererror"] = new JsonObject { ["code"] = innerCode, ["message"] = "The file is corrupted or format is unsupported." };
        }

        return new JsonObject { ["error"] = error };
    }

    private static async Task Json(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }
}

/// <param name="Document">The document the body carried as base64Source.</param>
internal sealed record FakeRequest(
    string Method, string Path, IReadOnlyDictionary<string, string> Query, string? ContentType, string Authorization, byte[]? Document, DateTimeOffset At);

/// <param name="ThrottleFirst">Answer the first analyze request with 429 and Retry-After: 1.</param>
/// <param name="ThrottleAlways">Answer every analyze request so.</param>
/// <param name="FailWith">Answer every analyze request with this status and error.</param>
/// <param name="RunningPolls">Polls answered "running" before the result.</param>
/// <param name="PollRetryAfterSeconds">The Retry-After of those answers.</param>
/// <param name="AnalysisFailsWith">End the analysis "failed" with this error code.</param>
/// <param name="PixelPage">Answer as for an image of this many pixels (unit pixel, 200 of them an inch) rather than in inches.</param>
/// <param name="OperationHost">Give an Operation-Location on this host instead of the fake's own.</param>
/// <param name="AnswerAfter">Keep every analyze request waiting this long before answering.</param>
internal sealed record FakeBehaviour(
    bool ThrottleFirst = false,
    bool ThrottleAlways = false,
    (int Status, string Code, string? InnerCode)? FailWith = null,
    int RunningPolls = 1,
    int PollRetryAfterSeconds = 0,
    string? AnalysisFailsWith = null,
    (int Width, int Height)? PixelPage = null,
    string? OperationHost = null,
    TimeSpan? AnswerAfter = null);
