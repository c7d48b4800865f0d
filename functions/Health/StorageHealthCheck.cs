using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Etransactions.Functions.Core;

namespace Etransactions.Functions.Health;

/// <summary>
/// Asks Blob, Queue and Table storage one cheap question each, at the same time. Listing one item is a
/// data-plane read that the app's data roles allow in Azure; service properties would need account-level
/// rights the identity should not have.
/// </summary>
public sealed class StorageHealthCheck(
    BlobServiceClient blobs, QueueServiceClient queues, TableServiceClient tables, TimeProvider time)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        var checkedAt = time.GetUtcNow();
        var blob = HealthProbe.RunAsync(ListOneContainerAsync, Timeout, time, cancellationToken);
        var queue = HealthProbe.RunAsync(ListOneQueueAsync, Timeout, time, cancellationToken);
        var table = HealthProbe.RunAsync(ListOneTableAsync, Timeout, time, cancellationToken);
        await Task.WhenAll(blob, queue, table);
        return HealthReport.From(
            AppVersion.Current, checkedAt, [new("blob", await blob), new("queue", await queue), new("table", await table)]);
    }

    private async Task ListOneContainerAsync(CancellationToken cancellationToken)
    {
        await foreach (var _ in blobs.GetBlobContainersAsync(cancellationToken: cancellationToken).AsPages(pageSizeHint: 1))
        {
            break;
        }
    }

    private async Task ListOneQueueAsync(CancellationToken cancellationToken)
    {
        await foreach (var _ in queues.GetQueuesAsync(cancellationToken: cancellationToken).AsPages(pageSizeHint: 1))
        {
            break;
        }
    }

    private async Task ListOneTableAsync(CancellationToken cancellationToken)
    {
        var pages = tables.QueryAsync(filter: (string?)null, maxPerPage: 1, cancellationToken: cancellationToken).AsPages();
        await foreach (var _ in pages)
        {
            break;
        }
    }
}
