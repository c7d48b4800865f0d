using System.Text.Json;
using Etransactions.Functions.Core.Http;
using Microsoft.DurableTask;

namespace Etransactions.Functions.Core.Durable;

/// <summary>
/// One open wait for an event name, kept across the orchestration's iterations. The SDK hands an event to the
/// oldest open wait of its name and buffers it when there is none, so with exactly one wait per name, renewed
/// only once its event is taken, no event is lost or handled twice, and no wait is left behind to cancel.
/// Events are read as JSON and then as <typeparamref name="T"/> in the API's JSON (see <see cref="DurableEvents"/>),
/// so an event that does not read (raised by hand, say) is dropped instead of failing the orchestration.
/// </summary>
public sealed class EventInbox<T>(TaskOrchestrationContext context, string name)
    where T : class
{
    private Task<JsonElement> _next = context.WaitForExternalEvent<JsonElement>(name);

    /// <summary>Completes when an event is there to take.</summary>
    public Task Next => _next;

    /// <summary>Takes the event that arrived, if one did (null when it does not read), and opens the next wait.</summary>
    public bool TryTake(out T? received)
    {
        if (!_next.IsCompleted)
        {
            received = null;
            return false;
        }
        received = _next.IsCompletedSuccessfully ? DurableEvents.Read<T>(_next.Result) : null;
        _next = context.WaitForExternalEvent<JsonElement>(name);
        return true;
    }
}

/// <summary>The events' JSON: written and read with the API's options, so every raiser writes the same shape.</summary>
public static class DurableEvents
{
    public static JsonElement Payload<T>(T value) => JsonSerializer.SerializeToElement(value, AppJson.Options);

    public static T? Read<T>(JsonElement payload)
        where T : class
    {
        try
        {
            return payload.Deserialize<T>(AppJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
