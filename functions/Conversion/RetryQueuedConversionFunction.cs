using Microsoft.Azure.Functions.Worker;

namespace Etransactions.Functions.Conversion;

/// <summary>Runs a retry the endpoint queued: the same conversion, with a failed version tried afresh.</summary>
public sealed class RetryQueuedConversionFunction(ScanConverter converter)
{
    public const string Name = "retryQueuedConversion";

    [Function(Name)]
    public Task Run([QueueTrigger(RetryConversionFunction.Queue)] string blobPath, CancellationToken cancellation) =>
        converter.ConvertAsync(blobPath, isRetry: true, cancellation);
}
