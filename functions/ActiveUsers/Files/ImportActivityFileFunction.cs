using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;

namespace Etransactions.Functions.ActiveUsers.Files;

/// <summary>An activity file uploaded to <c>activity/{platformId}/{yyyy-MM-dd}/{name}.ndjson.gz</c>: counted, with a receipt.</summary>
public sealed class ImportActivityFileFunction(ActivityFileImport import)
{
    public const string Name = "importActivityFile";

    [Function(Name)]
    public Task Run([BlobTrigger(ActivityFileName.Container + "/{name}", Source = BlobTriggerSource.EventGrid)] BlobClient file, CancellationToken cancellation) =>
        import.ImportAsync(file.Name, cancellation);
}
