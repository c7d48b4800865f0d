using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Etransactions.Local.Triggers;

/// <summary>
/// Where the host keeps its own records in the app's storage, as the Functions host does: JSON blobs in
/// the `azure-webjobs-hosts` container (timer schedules, blob receipts), and the poison queues.
/// </summary>
public sealed class HostStorage(string connectionString, string hostId)
{
    public const string Container = "azure-webjobs-hosts";

    private readonly Lazy<Task> _created = new(() => new BlobContainerClient(connectionString, Container).CreateIfNotExistsAsync());

    public string HostId => hostId;
    public BlobServiceClient Blobs { get; } = new(connectionString);
    public QueueServiceClient Queues { get; } = new(connectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });

    /// <summary>The record at <paramref name="path"/>, or null when there is none yet.</summary>
    public async Task<T?> ReadAsync<T>(string path, CancellationToken cancellation) where T : class
    {
        try
        {
            var content = await Blobs.GetBlobContainerClient(Container).GetBlobClient(path).DownloadContentAsync(cancellation);
            return content.Value.Content.ToObjectFromJson<T>();
        }
        catch (RequestFailedException missing) when (missing.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Writes the record whatever the caller's cancellation: a result once had is kept.</summary>
    public async Task WriteAsync<T>(string path, T record)
    {
        await _created.Value;
        await Blobs.GetBlobContainerClient(Container).GetBlobClient(path).UploadAsync(BinaryData.FromObjectAsJson(record), overwrite: true, CancellationToken.None);
    }

    public async Task<QueueClient> QueueAsync(string name, CancellationToken cancellation)
    {
        var queue = Queues.GetQueueClient(name);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellation);
        return queue;
    }
}
