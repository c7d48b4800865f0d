using System.Collections.Concurrent;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Etransactions.Local.Triggers;

/// <summary>
/// Blob functions, by polling their container as the Functions host does where no Event Grid feeds it.
/// Each blob version (name and ETag) is handled once: a receipt in the host's container says so across
/// restarts. A failure is tried again with back-off; after five, the blob is poison: a message on
/// `webjobs-blobtrigger-poison`, the reason in its receipt and in the host's log.
/// </summary>
public sealed class BlobTriggers(Invoker invoker, HostStorage storage, Func<string, string> resolve, PoisonLog poison, TimeSpan interval, ILogger<BlobTriggers> logger)
{
    public const int MaxAttempts = 5;
    private const int Concurrency = 4;
    private const string PoisonQueue = "webjobs-blobtrigger-poison";

    public sealed record Receipt(string Status, int Attempts, string? Reason, DateTimeOffset? RetryAfter);

    public IEnumerable<Task> Start(FunctionCatalog functions, CancellationToken stopping) =>
        functions.WithTrigger("blobTrigger").Select(function => Supervised.RunAsync(function, PollAsync, logger, stopping)).ToList();

    /// <summary>Runs a blob function for `container/name` now, receipts aside, as `POST /admin/functions/{name}` does.</summary>
    public Task<InvocationOutcome> RunNowAsync(AppFunction function, string blobPath, CancellationToken cancellation)
    {
        var pattern = Pattern(function);
        var name = blobPath.StartsWith(pattern.Container + "/", StringComparison.Ordinal) ? blobPath[(pattern.Container.Length + 1)..] : blobPath;
        var blob = storage.Blobs.GetBlobContainerClient(pattern.Container).GetBlobClient(name);
        return InvokeAsync(function, blob, pattern.Match(name) ?? new Dictionary<string, string>(), cancellation);
    }

    private BlobPathPattern Pattern(AppFunction function) =>
        BlobPathPattern.Parse(resolve(function.Property("path") ?? throw new InvalidOperationException($"{function.Name} has no path")));

    private async Task PollAsync(AppFunction function, CancellationToken stopping)
    {
        var pattern = Pattern(function);
        var container = storage.Blobs.GetBlobContainerClient(pattern.Container);
        var settled = new ConcurrentDictionary<string, bool>();
        var running = new ConcurrentDictionary<string, Task>();
        using var slots = new SemaphoreSlim(Concurrency);
        while (!stopping.IsCancellationRequested)
        {
            if (!await container.ExistsAsync(stopping))
            {
                await Task.Delay(interval, stopping); // nothing uploaded yet
                continue;
            }
            await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = pattern.Prefix }, stopping))
            {
                var etag = (item.Properties.ETag?.ToString() ?? "").Trim('"');
                var version = $"{etag}/{item.Name}";
                if (settled.ContainsKey(version) || running.ContainsKey(version) || pattern.Match(item.Name) is not { } parts)
                {
                    continue;
                }
                var receiptPath = $"blobreceipts/{storage.HostId}/{function.Name}/{etag}/{pattern.Container}/{item.Name}";
                var receipt = await storage.ReadAsync<Receipt>(receiptPath, stopping);
                if (receipt is { Status: "done" or "poisoned" })
                {
                    settled[version] = true;
                    continue;
                }
                if (receipt?.RetryAfter > DateTimeOffset.UtcNow)
                {
                    continue;
                }
                await slots.WaitAsync(stopping);
                running[version] = Task.Run(async () =>
                {
                    try
                    {
                        if (await HandleAsync(function, container.GetBlobClient(item.Name), parts, receiptPath, receipt?.Attempts ?? 0, stopping))
                        {
                            settled[version] = true;
                        }
                    }
                    finally
                    {
                        running.TryRemove(version, out _);
                        slots.Release();
                    }
                }, CancellationToken.None);
            }
            await Task.Delay(interval, stopping);
        }
        await Task.WhenAll(running.Values);
    }

    /// <summary>True when the blob is settled (done or poison), false when it will be tried again.</summary>
    private async Task<bool> HandleAsync(AppFunction function, BlobClient blob, IReadOnlyDictionary<string, string> parts, string receiptPath, int attempts, CancellationToken stopping)
    {
        var outcome = await InvokeAsync(function, blob, parts, stopping);
        if (outcome.Succeeded)
        {
            await storage.WriteAsync(receiptPath, new Receipt("done", attempts + 1, null, null));
            return true;
        }
        attempts++;
        if (attempts < MaxAttempts)
        {
            var retryAfter = DateTimeOffset.UtcNow + RetryDelay.After(attempts, interval);
            await storage.WriteAsync(receiptPath, new Receipt("failed", attempts, outcome.ErrorMessage, retryAfter));
            return false;
        }
        await storage.WriteAsync(receiptPath, new Receipt("poisoned", attempts, outcome.ErrorMessage, null));
        var queue = await storage.QueueAsync(PoisonQueue, CancellationToken.None);
        await queue.SendMessageAsync(JsonSerializer.Serialize(new
        {
            Type = "BlobTrigger",
            FunctionId = $"Host.Functions.{function.Name}",
            BlobType = "BlockBlob",
            ContainerName = blob.BlobContainerName,
            BlobName = blob.Name,
            ETag = (await blob.GetPropertiesAsync(cancellationToken: CancellationToken.None)).Value.ETag.ToString(),
        }), CancellationToken.None);
        await poison.RecordAsync(function.Name, $"{blob.BlobContainerName}/{blob.Name}", attempts, outcome.ErrorMessage);
        return true;
    }

    private Task<InvocationOutcome> InvokeAsync(AppFunction function, BlobClient blob, IReadOnlyDictionary<string, string> parts, CancellationToken cancellation)
    {
        // Deferred binding: the app builds its own BlobClient and reads properties before any content.
        var data = BindingData.Model("AzureStorageBlobs", new
        {
            Connection = function.Property("connection") is { Length: > 0 } connection ? connection : "AzureWebJobsStorage",
            ContainerName = blob.BlobContainerName,
            BlobName = blob.Name,
        });
        var metadata = parts.ToDictionary(part => part.Key, part => BindingData.Text(part.Value));
        metadata["BlobTrigger"] = BindingData.Text($"{blob.BlobContainerName}/{blob.Name}");
        metadata["Uri"] = BindingData.Text(blob.Uri.ToString());
        return invoker.InvokeAsync(function, data, metadata, cancellation: cancellation);
    }
}
