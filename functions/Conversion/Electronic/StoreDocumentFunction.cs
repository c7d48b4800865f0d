using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;

namespace Etransactions.Functions.Conversion.Electronic;

/// <summary>A PDF uploaded under <c>documents/{agencyCode}/</c> becomes a stored data message with a lookup code (no OCR, no symbol).</summary>
public sealed class StoreDocumentFunction(DocumentIntake intake)
{
    public const string Name = "storeDocument";

    [Function(Name)]
    public Task Run([BlobTrigger("documents/{name}", Source = BlobTriggerSource.EventGrid)] BlobClient document, CancellationToken cancellation) =>
        intake.StoreAsync(document.Name, isRetry: false, cancellation);
}
