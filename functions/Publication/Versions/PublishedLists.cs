using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Etransactions.Functions.Core.Http;

namespace Etransactions.Functions.Publication.Versions;

/// <summary>
/// The published versions in the container <c>public-lists</c>: under <c>large-platforms/</c>, the files
/// <c>v{n}.json</c>, <c>v{n}.csv</c> and <c>v{n}.json.p7s</c>, each created once (If-None-Match: *) and never
/// replaced, and the pointer <c>index.json</c>, replaced only if it is still the one read (If-Match).
/// </summary>
public sealed class PublishedLists(BlobServiceClient blobs)
{
    public const string Container = "public-lists";

    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(Container);
    private readonly Lazy<Task> _created = new(() => blobs.GetBlobContainerClient(Container).CreateIfNotExistsAsync());

    public static string IndexName(string list) => $"{list}/index.json";

    public static string JsonName(string list, int version) => $"{list}/v{version}.json";

    public static string CsvName(string list, int version) => $"{list}/v{version}.csv";

    public static string SignatureName(string list, int version) => $"{list}/v{version}.json.p7s";

    /// <summary>The pointer and its ETag, or (null, null) before the first version.</summary>
    public async Task<(ListIndex? Index, ETag? ETag)> ReadIndexAsync(string list, CancellationToken cancellation)
    {
        if (await DownloadAsync(IndexName(list), cancellation) is not { } index)
        {
            return (null, null);
        }
        return (JsonSerializer.Deserialize<ListIndex>(index.Content, AppJson.Options), index.ETag);
    }

    /// <summary>A file's bytes, or null when it is not there.</summary>
    public async Task<byte[]?> ReadAsync(string name, CancellationToken cancellation) =>
        (await DownloadAsync(name, cancellation))?.Content;

    /// <summary>
    /// Creates the file with <paramref name="content"/> unless it exists, and returns what is stored under the
    /// name: <paramref name="content"/>, or the bytes another run wrote first.
    /// </summary>
    public async Task<byte[]> CreateOnceAsync(string name, byte[] content, string contentType, CancellationToken cancellation)
    {
        await _created.Value;
        try
        {
            await _container.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            }, cancellation);
            return content;
        }
        catch (RequestFailedException failure) when (failure.Status == 409)
        {
            return await ReadAsync(name, cancellation) ?? throw new InvalidOperationException($"{name} exists and cannot be read.", failure);
        }
    }

    /// <summary>
    /// Moves the pointer to <paramref name="index"/> if it is still at <paramref name="expected"/> (absent when
    /// null); false when another run moved it meanwhile.
    /// </summary>
    public async Task<bool> MoveIndexAsync(string list, ListIndex index, ETag? expected, CancellationToken cancellation)
    {
        await _created.Value;
        try
        {
            await _container.GetBlobClient(IndexName(list)).UploadAsync(
                BinaryData.FromObjectAsJson(index, AppJson.Options),
                new BlobUploadOptions
                {
                    Conditions = expected is { } etag ? new BlobRequestConditions { IfMatch = etag } : new BlobRequestConditions { IfNoneMatch = ETag.All },
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
                },
                cancellation);
            return true;
        }
        catch (RequestFailedException failure) when (failure.Status is 409 or 412)
        {
            return false;
        }
    }

    private async Task<(byte[] Content, ETag ETag)?> DownloadAsync(string name, CancellationToken cancellation)
    {
        await _created.Value;
        try
        {
            var download = await _container.GetBlobClient(name).DownloadContentAsync(cancellation);
            return (download.Value.Content.ToArray(), download.Value.Details.ETag);
        }
        catch (RequestFailedException failure) when (failure.Status == 404)
        {
            return null;
        }
    }
}
