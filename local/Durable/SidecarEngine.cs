using DurableTask.Core;
using DurableTask.Core.History;

namespace Etransactions.Local.Durable;

/// <summary>
/// The engine as the Durable sidecar sees it. The sidecar package (Microsoft.DurableTask.InProcessTestHost
/// 0.2.3-preview.1) was written against an in-memory engine, and two of the objects it hands over cannot be
/// stored by DurableTask.AzureStorage: a sub-orchestration's history event is its own subclass, which has no
/// [DataContract] (so its history row is written empty and the instance can never load again), and the
/// sub-orchestration's tags are the protobuf map it received (a type the queue message cannot name). Both
/// are put back into the engine's own types here, when an orchestration step completes. And the sidecar
/// stops the engine from an `async void` handler, where any exception ends the process: stopping an engine
/// that never started (no orchestration ran) or whose storage is gone is made harmless here.
/// </summary>
public sealed class SidecarEngine(IOrchestrationService engine, ILogger logger) : IOrchestrationService
{
    private int _started;

    public Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem, OrchestrationRuntimeState newOrchestrationRuntimeState, IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages, IList<TaskMessage> timerMessages, TaskMessage continuedAsNewMessage, OrchestrationState orchestrationState)
    {
        Replace(newOrchestrationRuntimeState.Events);
        Replace(newOrchestrationRuntimeState.NewEvents);
        foreach (var message in orchestratorMessages)
        {
            if (message.Event is ExecutionStartedEvent { Tags: { } tags } started && tags.GetType() != typeof(Dictionary<string, string>))
            {
                started.Tags = new Dictionary<string, string>(tags, StringComparer.Ordinal);
            }
        }
        return engine.CompleteTaskOrchestrationWorkItemAsync(workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);
    }

    private static void Replace(IList<HistoryEvent> events)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is SubOrchestrationInstanceCreatedEvent created && created.GetType() != typeof(SubOrchestrationInstanceCreatedEvent))
            {
                events[i] = new SubOrchestrationInstanceCreatedEvent(created.EventId)
                {
                    Name = created.Name,
                    Version = created.Version,
                    InstanceId = created.InstanceId,
                    Input = created.Input,
                    Timestamp = created.Timestamp,
                    IsPlayed = created.IsPlayed,
                };
            }
        }
    }

    public int TaskOrchestrationDispatcherCount => engine.TaskOrchestrationDispatcherCount;
    public int MaxConcurrentTaskOrchestrationWorkItems => engine.MaxConcurrentTaskOrchestrationWorkItems;
    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => engine.EventBehaviourForContinueAsNew;
    public int TaskActivityDispatcherCount => engine.TaskActivityDispatcherCount;
    public int MaxConcurrentTaskActivityWorkItems => engine.MaxConcurrentTaskActivityWorkItems;

    public Task StartAsync()
    {
        Interlocked.Exchange(ref _started, 1);
        return engine.StartAsync();
    }

    public Task StopAsync() => StopAsync(isForced: false);

    public async Task StopAsync(bool isForced)
    {
        if (Interlocked.Exchange(ref _started, 0) == 0)
        {
            return;
        }
        try
        {
            await engine.StopAsync(isForced);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            logger.LogWarning("The Durable Task engine did not stop cleanly: {Error}", error.Message);
        }
    }

    // The rest passes through unchanged.
    public Task CreateAsync() => engine.CreateAsync();
    public Task CreateAsync(bool recreateInstanceStore) => engine.CreateAsync(recreateInstanceStore);
    public Task CreateIfNotExistsAsync() => engine.CreateIfNotExistsAsync();
    public Task DeleteAsync() => engine.DeleteAsync();
    public Task DeleteAsync(bool deleteInstanceStore) => engine.DeleteAsync(deleteInstanceStore);
    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) =>
        engine.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);
    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => engine.GetDelayInSecondsAfterOnProcessException(exception);
    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => engine.GetDelayInSecondsAfterOnFetchException(exception);
    public Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        engine.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);
    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => engine.RenewTaskOrchestrationWorkItemLockAsync(workItem);
    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => engine.AbandonTaskOrchestrationWorkItemAsync(workItem);
    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => engine.ReleaseTaskOrchestrationWorkItemAsync(workItem);
    public Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        engine.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);
    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) => engine.RenewTaskActivityWorkItemLockAsync(workItem);
    public Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage) =>
        engine.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);
    public Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem) => engine.AbandonTaskActivityWorkItemAsync(workItem);
}
