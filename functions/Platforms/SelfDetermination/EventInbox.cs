using Microsoft.DurableTask;

namespace Etransactions.Functions.Platforms.SelfDetermination;

/// <summary>
/// One open wait for an event name, kept across the orchestration's iterations. The SDK hands an event to the
/// oldest open wait of its name and buffers it when there is none, so with exactly one wait per name, renewed
/// only once its event is taken, no event is lost or handled twice, and no wait is left behind to cancel.
/// </summary>
internal sealed class EventInbox<T>(TaskOrchestrationContext context, string name)
{
    private Task<T> _next = context.WaitForExternalEvent<T>(name);

    /// <summary>Completes when an event is there to take.</summary>
    public Task Next => _next;

    /// <summary>Takes the event that arrived, if one did, and opens the next wait (which may take a buffered one at once).</summary>
    public bool TryTake(out T received)
    {
        if (!_next.IsCompletedSuccessfully)
        {
            received = default!;
            return false;
        }
        received = _next.Result;
        _next = context.WaitForExternalEvent<T>(name);
        return true;
    }
}
