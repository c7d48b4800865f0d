using DurableTask.AzureStorage;

namespace Etransactions.Local.Durable;

/// <summary>
/// The real Durable Task engine of Durable Functions on Azure Storage: DurableTask.AzureStorage's
/// orchestration service over the app's storage (Azurite), with the app's task hub.
/// </summary>
public static class DurableEngine
{
    public static async Task<AzureStorageOrchestrationService> CreateAsync(string connectionString, string taskHub, ILoggerFactory loggers)
    {
        var service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            TaskHubName = taskHub,
            // One partition: one host; the polling interval keeps a local walk-through quick.
            PartitionCount = 1,
            MaxQueuePollingInterval = TimeSpan.FromMilliseconds(500),
            // A message taken but not finished when the host was stopped hard (or killed) comes back after
            // this long, not the five minutes of the default: a local restart picks its instances up at once.
            ControlQueueVisibilityTimeout = TimeSpan.FromSeconds(30),
            WorkItemQueueVisibilityTimeout = TimeSpan.FromSeconds(30),
            WorkerId = $"local-{Environment.ProcessId}",
            LoggerFactory = loggers,
        });
        await service.CreateIfNotExistsAsync();
        return service;
    }
}
