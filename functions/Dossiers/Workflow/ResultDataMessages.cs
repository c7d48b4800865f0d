using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Etransactions.Functions.Conversion.Electronic;
using Etransactions.Functions.Conversion.Storage;

namespace Etransactions.Functions.Dossiers.Workflow;

/// <summary>
/// A result issued online becomes a data message of the agency, as any electronic document does (Decree 137
/// Art. 5): it is stored under <c>documents/{agency}/dossiers/{code}/result.pdf</c> and taken in by the document
/// intake, which gives it a lookup code, so that a paper copy can be issued of it and its verification page read.
/// The blob trigger of that container sees the same file later and finds it taken in already.
/// </summary>
public sealed class ResultDataMessages(BlobServiceClient blobs, DocumentIntake intake, ConversionRegistry registry)
{
    private readonly BlobContainerClient _documents = blobs.GetBlobContainerClient(DocumentLocation.Container);

    /// <summary>The result's lookup code, or null when the intake did not take it in (its record says why).</summary>
    public async Task<string?> RegisterAsync(Dossier dossier, byte[] pdf, CancellationToken cancellation)
    {
        var name = $"{dossier.Agency}/dossiers/{dossier.Code}/result.pdf";
        await _documents.CreateIfNotExistsAsync(cancellationToken: cancellation);
        var blob = _documents.GetBlobClient(name);
        if (!await blob.ExistsAsync(cancellation))
        {
            await blob.UploadAsync(BinaryData.FromBytes(pdf), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/pdf" },
                // Blob metadata is ASCII: the document contract reads it percent-encoded.
                Metadata = new Dictionary<string, string>
                {
                    ["title"] = Uri.EscapeDataString($"Kết quả giải quyết hồ sơ {dossier.Code}"),
                    ["issuer"] = Uri.EscapeDataString(dossier.Agency),
                },
                Conditions = new BlobRequestConditions { IfNoneMatch = Azure.ETag.All },
            }, cancellation);
        }
        var path = $"{DocumentLocation.Container}/{name}";
        await intake.StoreAsync(path, isRetry: false, cancellation);
        return (await registry.GetConversionAsync(path, cancellation))?.LookupCode;
    }
}
