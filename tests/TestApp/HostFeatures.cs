using System.Net;
using Azure.Storage.Blobs;
using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Etransactions.TestApp;

/// <summary>One function per trigger kind the local host serves, each recording or answering what it got.</summary>
public sealed class HostFeatures
{
    [Function(nameof(Echo))]
    public static async Task<IActionResult> Echo(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "echo/{word}")] HttpRequest request, string word)
    {
        using var reader = new StreamReader(request.Body);
        return new OkObjectResult(new { word, method = request.Method, query = request.Query["q"].ToString(), body = await reader.ReadToEndAsync() });
    }

    [Function(nameof(Guarded))]
    public static IActionResult Guarded([HttpTrigger(AuthorizationLevel.Function, "get", Route = "guarded")] HttpRequest request) =>
        new OkObjectResult("inside");

    [Function(nameof(Tick))]
    public static Task Tick([TimerTrigger("0 0 0 1 1 *")] TimerInfo timer) =>
        Received.RecordAsync("timer", Guid.NewGuid().ToString("N"), new { timer.IsPastDue });

    [Function(nameof(OnBlob))]
    public static async Task OnBlob([BlobTrigger("%UPLOADS_CONTAINER%/{folder}/{name}.txt")] BlobClient blob, string folder, string name)
    {
        var properties = await blob.GetPropertiesAsync();
        var text = (await blob.DownloadContentAsync()).Value.Content.ToString();
        if (text.Contains("fail", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"refused {name}: it asks to fail");
        }
        await Received.RecordAsync("blob", $"{folder}/{name}-{properties.Value.ETag.ToString().Trim('"')}", new { folder, name, text, properties.Value.ContentLength });
    }

    [Function(nameof(OnQueue))]
    public static Task OnQueue([QueueTrigger("%WORK_QUEUE%")] QueueMessage message)
    {
        var text = message.MessageText;
        if (text.Contains("fail", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"refused message {message.MessageId}");
        }
        return Received.RecordAsync("queue", message.MessageId, new { text, message.DequeueCount });
    }

    [Function(nameof(OnQueueText))]
    public static Task OnQueueText([QueueTrigger("%TEXT_QUEUE%")] string text) =>
        Received.RecordAsync("queue-text", Guid.NewGuid().ToString("N"), new { text });

    [Function(nameof(Status))]
    public static IActionResult Status([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "status/{code:int}")] HttpRequest request, int code) =>
        new StatusCodeResult(code == 0 ? (int)HttpStatusCode.NoContent : code);
}
