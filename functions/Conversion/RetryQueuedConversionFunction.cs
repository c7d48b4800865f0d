using Etransactions.Functions.Conversion.Electronic;
using Microsoft.Azure.Functions.Worker;

namespace Etransactions.Functions.Conversion;

/// <summary>Runs a retry the endpoint queued: the same conversion (a scan's, or an electronic document's), with a failed version tried afresh.</summary>
public sealed class RetryQueuedConversionFunction(ScanConverter converter, DocumentIntake documents)
{
    public const string Name = "retryQueuedConversion";

    [Function(Name)]
    public Task Run([QueueTrigger(RetryConversionFunction.Queue)] string blobPath, CancellationToken cancellation) =>
        DocumentLocation.Holds(blobPath)
            ? documents.StoreAsync(blobPath, isRetry: true, cancellation)
            : converter.ConvertAsync(blobPath, isRetry: true, cancellation);
}
