using System.Collections.Concurrent;
using Grpc.Core;
using P = Microsoft.DurableTask.Protobuf;

namespace Etransactions.Local.Durable;

/// <summary>
/// Takes the engine's work items from the sidecar (`GetWorkItems`, as a Durable worker does) and runs each
/// as an invocation of the app's orchestrator or activity function; results and failures go back with
/// `CompleteOrchestratorTask` / `CompleteActivityTask`. The host has no orchestration logic of its own.
/// </summary>
public sealed class WorkItemPump(P.TaskHubSidecarService.TaskHubSidecarServiceClient sidecar, FunctionCatalog functions, Invoker invoker, ILogger<WorkItemPump> logger)
{
    private const int Concurrency = 8;

    /// <summary>How long work items already taken may run on once the host stops.</summary>
    private static readonly TimeSpan DrainTime = TimeSpan.FromSeconds(10);

    public async Task RunAsync(CancellationToken stopping)
    {
        using var slots = new SemaphoreSlim(Concurrency);
        // A stop takes no new item but lets the ones taken finish: an item cut short stays locked in the
        // task hub's queues until its visibility expires, and its instance waits that long on the next start.
        using var draining = new CancellationTokenSource();
        using var drainOnStop = stopping.Register(() => draining.CancelAfter(DrainTime));
        var running = new ConcurrentDictionary<long, Task>();
        long next = 0;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                using var stream = sidecar.GetWorkItems(new P.GetWorkItemsRequest(), cancellationToken: stopping);
                await foreach (var item in stream.ResponseStream.ReadAllAsync(stopping))
                {
                    await slots.WaitAsync(stopping);
                    var id = next++;
                    running[id] = Task.Run(async () =>
                    {
                        try
                        {
                            await RunAsync(item, draining.Token);
                        }
                        catch (Exception error) when (error is not OperationCanceledException)
                        {
                            logger.LogError(error, "A Durable work item could not be completed");
                        }
                        finally
                        {
                            slots.Release();
                            running.TryRemove(id, out _);
                        }
                    }, CancellationToken.None);
                }
            }
            catch (Exception error) when (stopping.IsCancellationRequested && error is OperationCanceledException or Grpc.Core.RpcException or IOException)
            {
                break;
            }
            catch (Exception error) when (error is Grpc.Core.RpcException or IOException)
            {
                logger.LogWarning("The Durable work-item stream ended ({Reason}); reconnecting", error.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), stopping).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
        if (!running.IsEmpty)
        {
            logger.LogInformation("Stopping: letting {Count} Durable work item(s) finish", running.Count);
            await Task.WhenAll(running.Values);
        }
    }

    private Task RunAsync(P.WorkItem item, CancellationToken stopping) => item.RequestCase switch
    {
        P.WorkItem.RequestOneofCase.OrchestratorRequest => RunOrchestratorAsync(item.OrchestratorRequest, item.CompletionToken, stopping),
        P.WorkItem.RequestOneofCase.ActivityRequest => RunActivityAsync(item.ActivityRequest, item.CompletionToken, stopping),
        P.WorkItem.RequestOneofCase.HealthPing => Task.CompletedTask,
        _ => throw new NotSupportedException($"Durable work items of kind {item.RequestCase} (entities) are not supported by the local host."),
    };

    private async Task RunOrchestratorAsync(P.OrchestratorRequest request, string completionToken, CancellationToken stopping)
    {
        var name = request.PastEvents.Concat(request.NewEvents).Select(e => e.ExecutionStarted?.Name).FirstOrDefault(n => n is not null) ?? "";
        P.OrchestratorResponse response;
        if (functions.Find(name) is not { } function || !function.Is("orchestrationTrigger"))
        {
            response = Failed(request.InstanceId, "FunctionNotFound", $"The app has no orchestrator function named '{name}'.");
        }
        else
        {
            // The worker's Durable middleware reads the request as base64 protobuf and answers in kind.
            var outcome = await invoker.InvokeAsync(function, new TypedData { String = request.ToByteString().ToBase64() }, cancellation: stopping);
            response = outcome.Succeeded && outcome.ReturnValue?.String is { Length: > 0 } encoded
                ? P.OrchestratorResponse.Parser.ParseFrom(ByteString.FromBase64(encoded))
                : Failed(request.InstanceId, outcome.Error?.Type ?? "InvocationFailed", outcome.ErrorMessage);
        }
        response.InstanceId = request.InstanceId;
        response.CompletionToken = completionToken;
        await sidecar.CompleteOrchestratorTaskAsync(response, cancellationToken: stopping);
    }

    private async Task RunActivityAsync(P.ActivityRequest request, string completionToken, CancellationToken stopping)
    {
        var response = new P.ActivityResponse
        {
            InstanceId = request.OrchestrationInstance.InstanceId,
            TaskId = request.TaskId,
            CompletionToken = completionToken,
        };
        if (functions.Find(request.Name) is not { } function || !function.Is("activityTrigger"))
        {
            response.FailureDetails = new P.TaskFailureDetails { ErrorType = "FunctionNotFound", ErrorMessage = $"The app has no activity function named '{request.Name}'." };
        }
        else
        {
            var outcome = await invoker.InvokeAsync(function, new TypedData { String = ActivityInput(request.Input) }, cancellation: stopping);
            if (outcome.Succeeded)
            {
                response.Result = ResultJson(outcome.ReturnValue);
            }
            else
            {
                response.FailureDetails = FailureOf(outcome.Error);
            }
        }
        await sidecar.CompleteActivityTaskAsync(response, cancellationToken: stopping);
    }

    /// <summary>An orchestrator schedules an activity with its input in a one-element array (the Functions convention): the activity gets the element.</summary>
    private static string ActivityInput(string? input)
    {
        if (string.IsNullOrEmpty(input))
        {
            return "null";
        }
        using var document = JsonDocument.Parse(input);
        return document.RootElement is { ValueKind: JsonValueKind.Array } array && array.GetArrayLength() == 1
            ? array[0].GetRawText()
            : input;
    }

    /// <summary>The activity's return value as the JSON the engine keeps.</summary>
    private static string? ResultJson(TypedData? value) => value?.DataCase switch
    {
        TypedData.DataOneofCase.Json => value.Json,
        TypedData.DataOneofCase.String => JsonSerializer.Serialize(value.String),
        TypedData.DataOneofCase.Int => value.Int.ToString(CultureInfo.InvariantCulture),
        TypedData.DataOneofCase.Double => value.Double.ToString("R", CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>
    /// The worker's Durable extension reports an activity's exception as JSON in the message
    /// (`{ "errorType", "errorMessage", "stackTrace" }`): the orchestrator should see the app's own error.
    /// </summary>
    private static P.TaskFailureDetails FailureOf(Rpc.Messages.RpcException? error)
    {
        try
        {
            if (error?.Message is ['{', ..] message
                && JsonSerializer.Deserialize<ReportedError>(message, JsonSerializerOptions.Web) is { ErrorType: { } type, ErrorMessage: { } text } reported)
            {
                return new P.TaskFailureDetails { ErrorType = type, ErrorMessage = text, StackTrace = reported.StackTrace ?? error.StackTrace ?? "" };
            }
        }
        catch (JsonException)
        {
            // Not the extension's format: keep the message as it is.
        }
        return new P.TaskFailureDetails { ErrorType = error?.Type ?? "", ErrorMessage = error?.Message ?? "", StackTrace = error?.StackTrace ?? "" };
    }

    private sealed record ReportedError(string? ErrorType, string? ErrorMessage, string? StackTrace);

    private static P.OrchestratorResponse Failed(string instanceId, string errorType, string message) => new()
    {
        InstanceId = instanceId,
        Actions =
        {
            new P.OrchestratorAction
            {
                CompleteOrchestration = new P.CompleteOrchestrationAction
                {
                    OrchestrationStatus = P.OrchestrationStatus.Failed,
                    FailureDetails = new P.TaskFailureDetails { ErrorType = errorType, ErrorMessage = message },
                },
            },
        },
    };
}
