using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Etransactions.Local.Triggers;

/// <summary>
/// Where the host keeps its own records in the app's storage, as the Functions host does: the
/// `azure-webjobs-hosts` container (timer schedules, blob receipts) and the poison queues.
/// </summary>
public sealed class HostStorage(string connectionString, string hostId)
{
    public const string Container = "azure-webjobs-hosts";

    public string ConnectionString => connectionString;

    public string HostId => hostId;

    public BlobServiceClient Blobs { get; } = new(connectionString);

    public QueueServiceClient Queues { get; } = new(connectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });

    public BlobContainerClient HostContainer => Blobs.GetBlobContainerClient(Container);

    /// <summary>A blob of the host's records, its container made on first use.</summary>
    public async Task<BlobClient> RecordAsync(string path, CancellationToken cancellation)
    {
        await HostContainer.CreateIfNotExistsAsync(cancellationToken: cancellation);
        return HostContainer.GetBlobClient(path);
    }

    public async Task<QueueClient> QueueAsync(string name, CancellationToken cancellation)
    {
        var queue = Queues.GetQueueClient(name);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellation);
        return queue;
    }
}
