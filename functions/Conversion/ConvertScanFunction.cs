using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;

namespace Etransactions.Functions.Conversion;

/// <summary>
/// A scan uploaded under <c>scans/{agencyCode}/</c> becomes a data message. The trigger binds a
/// <see cref="BlobClient"/>, not the content: size, type and metadata are checked from the blob's properties
/// before a byte is read. In Azure the blob events come from Event Grid (Flex Consumption does not poll).
/// </summary>
public sealed class ConvertScanFunction(ScanConverter converter)
{
    public const string Name = "convertScan";

    [Function(Name)]
    public Task Run([BlobTrigger("scans/{name}", Source = BlobTriggerSource.EventGrid)] BlobClient scan, CancellationToken cancellation) =>
        converter.ConvertAsync(scan.Name, isRetry: false, cancellation);
}
