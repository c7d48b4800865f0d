using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Etransactions.IntegrationTests.Conversion.Deliveries;

/// <summary>Every request the app's storage clients send (method and path), to tell a read of properties from a download.</summary>
internal sealed class StorageRequests : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentQueue<(string Method, string Path)> _sent = new();

    /// <summary>GETs of the blob itself (<c>/{account}/scans/{name}</c>): what downloading its content takes.</summary>
    public int DownloadsOf(string blobName) =>
        _sent.Count(request => request.Method == "GET" && Uri.UnescapeDataString(request.Path).EndsWith($"/scans/{blobName}", StringComparison.Ordinal));

    /// <summary>HEADs of the blob: what reading its properties and metadata takes.</summary>
    public int PropertyReadsOf(string blobName) =>
        _sent.Count(request => request.Method == "HEAD" && Uri.UnescapeDataString(request.Path).EndsWith($"/scans/{blobName}", StringComparison.Ordinal));

    public override void OnSendingRequest(HttpMessage message) =>
        _sent.Enqueue((message.Request.Method.Method, message.Request.Uri.Path));
}
