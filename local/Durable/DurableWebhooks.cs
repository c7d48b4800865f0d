using DurableTask.Core;
using DurableTask.Core.History;

namespace Etransactions.Local.Durable;

/// <summary>
/// The instance-management URLs that a check-status response names
/// (`/runtime/webhooks/durabletask/instances/{id}` and its raiseEvent, terminate, suspend, resume),
/// answered as the Functions host's Durable extension answers them.
/// </summary>
public static class DurableWebhooks
{
    public static void Map(WebApplication app, IOrchestrationServiceClient engine)
    {
        var instances = app.MapGroup(DurableClientData.WebhookPath + "/instances/{instanceId}");
        instances.MapGet("", (string instanceId) => StatusAsync(engine, instanceId));
        instances.MapDelete("", async (string instanceId) =>
        {
            var purged = await ((IOrchestrationServicePurgeClient)engine).PurgeInstanceStateAsync(instanceId);
            return purged.DeletedInstanceCount > 0 ? Results.Ok(new { instancesDeleted = purged.DeletedInstanceCount }) : Results.NotFound();
        });
        instances.MapPost("/raiseEvent/{eventName}", async (string instanceId, string eventName, HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            return await SendAsync(engine, instanceId, new EventRaisedEvent(-1, body.Length == 0 ? null : body) { Name = eventName });
        });
        instances.MapPost("/terminate", (string instanceId, string? reason) =>
            IfRunningAsync(engine, instanceId, () => engine.ForceTerminateTaskOrchestrationAsync(instanceId, reason)));
        instances.MapPost("/suspend", (string instanceId, string? reason) => SendAsync(engine, instanceId, new ExecutionSuspendedEvent(-1, reason)));
        instances.MapPost("/resume", (string instanceId, string? reason) => SendAsync(engine, instanceId, new ExecutionResumedEvent(-1, reason)));
    }

    private static async Task<IResult> StatusAsync(IOrchestrationServiceClient engine, string instanceId)
    {
        if (await ExistingAsync(engine, instanceId) is not { } state)
        {
            return Results.NotFound();
        }
        var status = new JsonObject
        {
            ["name"] = state.Name,
            ["instanceId"] = state.OrchestrationInstance.InstanceId,
            ["runtimeStatus"] = state.OrchestrationStatus.ToString(),
            ["input"] = ParseJson(state.Input),
            ["customStatus"] = ParseJson(state.Status),
            ["output"] = ParseJson(state.Output),
            ["createdTime"] = state.CreatedTime.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["lastUpdatedTime"] = state.LastUpdatedTime.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        };
        // As Durable Functions answers: 202 while it runs, 200 when completed, 400 when failed or terminated.
        var code = state.OrchestrationStatus switch
        {
            OrchestrationStatus.Completed => StatusCodes.Status200OK,
            OrchestrationStatus.Failed or OrchestrationStatus.Terminated or OrchestrationStatus.Canceled => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status202Accepted,
        };
        return Results.Json(status, statusCode: code);
    }

    private static Task<IResult> SendAsync(IOrchestrationServiceClient engine, string instanceId, HistoryEvent message) =>
        IfRunningAsync(engine, instanceId, () => engine.SendTaskOrchestrationMessageAsync(new TaskMessage
        {
            OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId },
            Event = message,
        }));

    /// <summary>Acts on the instance and answers 202; 404 when there is none, 410 when it has finished.</summary>
    private static async Task<IResult> IfRunningAsync(IOrchestrationServiceClient engine, string instanceId, Func<Task> act)
    {
        if (await ExistingAsync(engine, instanceId) is not { } state)
        {
            return Results.NotFound();
        }
        if (state.OrchestrationStatus is OrchestrationStatus.Completed or OrchestrationStatus.Failed or OrchestrationStatus.Terminated or OrchestrationStatus.Canceled)
        {
            return Results.StatusCode(StatusCodes.Status410Gone);
        }
        await act();
        return Results.Accepted();
    }

    private static async Task<OrchestrationState?> ExistingAsync(IOrchestrationServiceClient engine, string instanceId) =>
        (await engine.GetOrchestrationStateAsync(instanceId, allExecutions: false))?.FirstOrDefault();

    private static JsonNode? ParseJson(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
