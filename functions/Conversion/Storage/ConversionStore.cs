using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Etransactions.Functions.Conversion.Requests;

namespace Etransactions.Functions.Conversion.Storage;

/// <summary>The blob side of a conversion: reads uploads (never writes them) and stores data messages.</summary>
public sealed class ConversionStore(BlobServiceClient blobs)
{
    public const string DataMessagesContainer = "data-messages";

    private readonly BlobContainerClient _scans = blobs.GetBlobContainerClient(ScanLocation.Container);
    private readonly BlobContainerClient _output = blobs.GetBlobContainerClient(DataMessagesContainer);
    private readonly Lazy<Task> _outputCreated = new(() => blobs.GetBlobContainerClient(DataMessagesContainer).CreateIfNotExistsAsync());

    /// <summary>An upload's properties and metadata, read before a byte of content; null when it is gone.</summary>
    public async Task<BlobProperties?> ScanPropertiesAsync(string name, CancellationToken cancellation)
    {
        try
        {
            return (await _scans.GetBlobClient(name).GetPropertiesAsync(cancellationToken: cancellation)).Value;
        }
        catch (RequestFailedException missing) when (missing.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// The content of the version whose properties were read (If-Match its ETag), so bytes and metadata belong
    /// together; a newer version in between fails with 412 and brings a delivery of its own.
    /// </summary>
    public async Task<byte[]> DownloadScanAsync(string name, ETag etag, CancellationToken cancellation)
    {
        var content = await _scans.GetBlobClient(name).DownloadContentAsync(
            new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfMatch = etag } }, cancellation);
        return content.Value.Content.ToArray();
    }

    /// <summary><c>{agencyCode}/{messageId}.pdf</c> and <c>.json</c>, names inside <c>data-messages</c>.</summary>
    public static (string Pdf, string Manifest) NamesOf(string agencyCode, string messageId) => ($"{agencyCode}/{messageId}.pdf", $"{agencyCode}/{messageId}.json");

    public async Task WriteDataMessageAsync(string pdfName, byte[] pdf, string manifestName, byte[] manifest, CancellationToken cancellation)
    {
        await _outputCreated.Value;
        // The PDF first: a manifest never points at a PDF that is not there yet.
        await _output.GetBlobClient(pdfName).UploadAsync(BinaryData.FromBytes(pdf),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/pdf" } }, cancellation);
        await _output.GetBlobClient(manifestName).UploadAsync(BinaryData.FromBytes(manifest),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" } }, cancellation);
    }

    /// <summary>A stored file of a data message, by its path as the registry records it (<c>data-messages/{name}</c>); null when missing.</summary>
    public async Task<BinaryData?> ReadDataMessageFileAsync(string path, CancellationToken cancellation)
    {
        var name = path[(DataMessagesContainer.Length + 1)..];
        try
        {
            return (await _output.GetBlobClient(name).DownloadContentAsync(cancellation)).Value.Content;
        }
        catch (RequestFailedException missing) when (missing.Status == 404)
        {
            return null;
        }
    }
}
