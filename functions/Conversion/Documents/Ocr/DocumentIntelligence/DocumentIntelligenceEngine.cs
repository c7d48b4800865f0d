using Etransactions.Functions.Core;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging;

namespace Etransactions.Functions.Conversion.Documents.Ocr.DocumentIntelligence;

/// <summary>
/// OCR by Azure AI Document Intelligence (<c>prebuilt-read</c>, REST API 2024-11-30) with the app's managed
/// identity, through Azure.Core's pipeline: its retry policy waits out 429 and 5xx answers (honouring
/// Retry-After) and network errors; what still fails is a <see cref="TransientException"/>, a document the
/// service cannot read a <see cref="ScanRejectedException"/>. The pages asked for go in ranges (the
/// <c>pages</c> parameter) and come out as each range is analysed. A JPEG marked as rotated is sent turned
/// upright, so the service measures the page as displayed (its words need no turning afterwards). Nothing
/// is sent before the first document.
/// </summary>
public sealed class DocumentIntelligenceEngine : IOcrEngine
{
    public const string ApiVersion = "2024-11-30";

    private const string Scope = "https://cognitiveservices.azure.com/.default";

    private readonly Uri _endpoint;
    private readonly DocumentIntelligenceOptions _options;
    private readonly HttpPipeline _pipeline;
    private readonly ILogger<DocumentIntelligenceEngine> _logger;

    public DocumentIntelligenceEngine(
        Uri endpoint, TokenCredential credential, DocumentIntelligenceOptions options, ILogger<DocumentIntelligenceEngine> logger)
    {
        _endpoint = endpoint;
        _options = options;
        _logger = logger;
        _pipeline = HttpPipelineBuilder.Build(options, new BearerTokenAuthenticationPolicy(credential, Scope));
    }

    public string Name => "azure-document-intelligence";

    public async IAsyncEnumerable<OcrPage> RecognizeAsync(OcrRequest request, [EnumeratorCancellation] CancellationToken cancellation)
    {
        // prebuilt-read finds the languages itself; the request's is checked, as the other engine does.
        OcrLanguage.Codes(request.Language);
        OcrPages.RequireIndexes(request);
        if (request.PageIndexes.Count == 0)
        {
            yield break;
        }

        var body = DocumentIntelligenceDocument.Body(request);
        var size = Math.Clamp(_options.PagesPerRequest, 1, DocumentIntelligenceOptions.MaxPagesPerRequest);
        foreach (var range in request.PageIndexes.Chunk(size))
        {
            // An image is one page: only a PDF or TIFF is told which pages to read.
            var pages = request.Inspected.Kind is ScanKind.Pdf or ScanKind.Tiff ? PageRanges.Of(range) : null;
            var analyzed = await AnalyzeAsync(body, pages, cancellation);
            var byNumber = (analyzed.Pages ?? []).DistinctBy(page => page.PageNumber).ToDictionary(page => page.PageNumber);
            foreach (var index in range)
            {
                var page = request.Inspected.Pages[index];
                yield return byNumber.TryGetValue(index + 1, out var found)
                    ? DocumentIntelligencePage.Of(found, index, page)
                    : OcrPages.Of(index, page, []);
            }
        }
    }

    private async Task<AnalyzeResult> AnalyzeAsync(ReadOnlyMemory<byte> body, string? pages, CancellationToken cancellation)
    {
        var started = Stopwatch.StartNew();
        using var submit = _pipeline.CreateMessage();
        submit.Request.Method = RequestMethod.Post;
        submit.Request.Uri.Reset(_endpoint);
        submit.Request.Uri.AppendPath("/documentintelligence/documentModels/prebuilt-read:analyze", escape: false);
        // As the API reference writes the address: the JSON overload of analyze.
        submit.Request.Uri.AppendQuery("_overload", "analyzeDocument");
        submit.Request.Uri.AppendQuery("api-version", ApiVersion);
        if (pages is not null)
        {
            submit.Request.Uri.AppendQuery("pages", pages);
        }

        submit.Request.Headers.SetValue(HttpHeader.Names.ContentType, "application/json");
        submit.Request.Content = RequestContent.Create(body);
        var submitted = await SendAsync(submit, cancellation);
        if (submitted.Status != 202)
        {
            throw DocumentIntelligenceFailures.Of(submitted);
        }

        var operation = OperationLocation(submitted);
        var wait = DocumentIntelligenceFailures.RetryAfter(submitted);
        while (true)
        {
            await Task.Delay(Max(_options.PollInterval, wait), cancellation);
            using var poll = _pipeline.CreateMessage();
            poll.Request.Method = RequestMethod.Get;
            poll.Request.Uri.Reset(operation);
            var polled = await SendAsync(poll, cancellation);
            if (polled.Status != 200)
            {
                throw DocumentIntelligenceFailures.Of(polled);
            }

            var state = polled.Content.ToObjectFromJson<AnalyzeOperation>(DocumentIntelligenceJson.Options);
            switch (state?.Status)
            {
                case "succeeded":
                    _logger.LogInformation(
                        "Document Intelligence read pages {Pages} in {Seconds:0.0} s", pages ?? "1", started.Elapsed.TotalSeconds);
                    return state.AnalyzeResult ?? new AnalyzeResult([]);
                case "failed" or "canceled":
                    throw DocumentIntelligenceFailures.Of(state.Status, state.Error);
            }

            if (started.Elapsed > _options.MaxWait)
            {
                throw new TransientException($"Document Intelligence took longer than {_options.MaxWait.TotalMinutes:0} minutes to read pages {pages ?? "1"}");
            }

            wait = DocumentIntelligenceFailures.RetryAfter(polled);
        }
    }

    /// <summary>Sends through the pipeline; a service that cannot be reached at all (network, DNS, TLS, timeout) is transient.</summary>
    private async Task<Response> SendAsync(HttpMessage message, CancellationToken cancellation)
    {
        try
        {
            await _pipeline.SendAsync(message, cancellation);
            return message.Response;
        }
        // Azure.Core's retries end in an AggregateException of every try's failure.
        catch (Exception exception) when (!cancellation.IsCancellationRequested && Unreachable(exception))
        {
            throw new TransientException($"Document Intelligence cannot be reached: {exception.Message}", inner: exception);
        }
    }

    /// <summary>Where to poll. The bearer token goes with each poll, so only to the endpoint's own host.</summary>
    private Uri OperationLocation(Response submitted)
    {
        if (submitted.Headers.TryGetValue("Operation-Location", out var location)
            && Uri.TryCreate(location, UriKind.Absolute, out var operation)
            && Uri.Compare(operation, _endpoint, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0)
        {
            return operation;
        }

        throw new InvalidOperationException($"Document Intelligence answered 202 without an Operation-Location on {_endpoint.Host}: \"{location}\"");
    }

    private static bool Unreachable(Exception exception) => exception switch
    {
        RequestFailedException { Status: 0 } or OperationCanceledException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(Unreachable),
        _ => false,
    };

    private static TimeSpan Max(TimeSpan interval, TimeSpan? retryAfter) =>
        retryAfter is { } asked && asked > interval ? asked : interval;
}
