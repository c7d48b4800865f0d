using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Etransactions.Functions.Conversion.Documents;
using Etransactions.Functions.Conversion.Documents.Inspection;
using Etransactions.Functions.Core.Problems;
using Etransactions.Functions.Dossiers.Workflow;

namespace Etransactions.Functions.Dossiers.Storage;

/// <summary>
/// Files of dossiers in container <c>dossiers</c>: components at <c>components/{sha256}</c> (named by their
/// content, so a retried submission stores nothing twice and no name of a person is in a path), and documents
/// of a dossier, drafts and results, at <c>documents/{code}/{name}</c>.
/// </summary>
public sealed class DossierFiles(BlobServiceClient blobs)
{
    public const string Container = "dossiers";

    /// <summary>One component file at most (a scan of a few pages).</summary>
    public const int MaxFileBytes = 10 * 1024 * 1024;

    private readonly BlobContainerClient _files = blobs.GetBlobContainerClient(Container);
    private readonly Lazy<Task> _created = new(() => blobs.GetBlobContainerClient(Container).CreateIfNotExistsAsync());

    /// <summary>
    /// Checks that the file is what its name says (a PDF or an image, by its bytes) and stores it; the 400 names
    /// <paramref name="field"/> when it is not.
    /// </summary>
    public async Task<StoredComponent> StoreComponentAsync(string field, string id, string fileName, byte[] content, DateTimeOffset at, CancellationToken cancellation)
    {
        var kind = RequireKind(field, fileName, content, [ScanKind.Pdf, ScanKind.Png, ScanKind.Jpeg, ScanKind.Tiff]);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        var path = $"components/{sha256}";
        await UploadAsync(path, content, ContentType(kind), cancellation);
        return new StoredComponent(id, fileName, ContentType(kind), content.Length, sha256, path, at);
    }

    /// <summary>Stores a document of the dossier (a PDF) under a name of its content's hash, and gives its path and hash.</summary>
    public async Task<(string Path, string Sha256)> StoreDocumentAsync(string code, string stem, byte[] pdf, CancellationToken cancellation)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf));
        var path = $"documents/{code}/{stem}-{sha256[..12]}.pdf";
        await UploadAsync(path, pdf, "application/pdf", cancellation);
        return (path, sha256);
    }

    /// <summary>A draft result sent with an action must be a PDF (it is signed as one).</summary>
    public static void RequirePdf(string field, byte[] content) => RequireKind(field, "document.pdf", content, [ScanKind.Pdf]);

    public async Task<byte[]> ReadAsync(string path, CancellationToken cancellation)
    {
        var content = await _files.GetBlobClient(path).DownloadContentAsync(cancellation);
        return content.Value.Content.ToArray();
    }

    private async Task UploadAsync(string path, byte[] content, string contentType, CancellationToken cancellation)
    {
        await _created.Value;
        try
        {
            await _files.GetBlobClient(path).UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                // Named by content: one already there is the same file.
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellation);
        }
        catch (RequestFailedException exists) when (exists.Status == 409)
        {
        }
    }

    private static ScanKind RequireKind(string field, string fileName, byte[] content, ScanKind[] allowed)
    {
        var named = ScanInspector.KindOfExtension(Path.GetExtension(fileName));
        var actual = ScanContent.Sniff(content);
        if (named is null || !allowed.Contains(named.Value))
        {
            throw new ValidationFailedException([new FieldError(field, $"'{fileName}': send {string.Join(", ", allowed.Select(kind => ScanContent.Name(kind)))} files.")]);
        }
        if (actual != named)
        {
            throw new ValidationFailedException([new FieldError(field, $"'{fileName}' is named as {ScanContent.Name(named)} but its content is {ScanContent.Name(actual)}.")]);
        }
        return actual.Value;
    }

    private static string ContentType(ScanKind kind) => kind switch
    {
        ScanKind.Pdf => "application/pdf",
        ScanKind.Png => "image/png",
        ScanKind.Jpeg => "image/jpeg",
        _ => "image/tiff",
    };
}
