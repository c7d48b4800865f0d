namespace Etransactions.Local.Rpc;

public sealed record InvocationOutcome(string InvocationId, bool Succeeded, TypedData? ReturnValue, RpcException? Error)
{
    public string ErrorMessage => Error is null ? "" : $"{Error.Type}: {Error.Message}".TrimStart(':', ' ');
}

/// <summary>Sends invocations to the worker, with the inputs the host provides, and logs one line for each.</summary>
public sealed class Invoker(WorkerChannel channel, ILogger<Invoker> logger, TimeSpan functionTimeout)
{
    /// <summary>The [DurableClient] binding data, known once the Durable sidecar listens.</summary>
    public string? DurableClientData { get; set; }

    public async Task<InvocationOutcome> InvokeAsync(
        AppFunction function, TypedData triggerData, IDictionary<string, TypedData>? triggerMetadata = null,
        string? invocationId = null, CancellationToken cancellation = default)
    {
        var request = new InvocationRequest
        {
            InvocationId = invocationId ?? Guid.NewGuid().ToString(),
            FunctionId = function.Id,
            // The worker fails an invocation without a trace context.
            TraceContext = new RpcTraceContext { TraceParent = Activity.Current?.Id ?? NewTraceParent() },
        };
        request.InputData.Add(new ParameterBinding { Name = function.TriggerParameter, Data = triggerData });
        request.InputData.Add(function.InputsOfType("durableClient").Select(client => new ParameterBinding
        {
            Name = client["name"]!.GetValue<string>(),
            Data = new TypedData { String = DurableClientData ?? throw new InvalidOperationException("The Durable sidecar is not running.") },
        }));
        if (triggerMetadata is not null)
        {
            request.TriggerMetadata.Add(triggerMetadata);
        }

        var watch = Stopwatch.StartNew();
        InvocationOutcome outcome;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(functionTimeout);
        try
        {
            var response = (await channel.RequestAsync(
                WorkerChannel.InvocationKey(request.InvocationId), new StreamingMessage { InvocationRequest = request }, timeout.Token)).InvocationResponse;
            var succeeded = response.Result?.Status == StatusResult.Types.Status.Success;
            outcome = new InvocationOutcome(request.InvocationId, succeeded, response.ReturnValue, succeeded ? null : response.Result?.Exception ?? new RpcException { Message = response.Result?.Result ?? "failed" });
        }
        catch (OperationCanceledException)
        {
            await channel.SendAsync(new StreamingMessage { InvocationCancel = new InvocationCancel { InvocationId = request.InvocationId } }, CancellationToken.None);
            var why = cancellation.IsCancellationRequested
                ? new RpcException { Type = "Cancelled", Message = "The invocation was cancelled." }
                : new RpcException { Type = "Timeout", Message = $"The function ran longer than {functionTimeout}." };
            outcome = new InvocationOutcome(request.InvocationId, false, null, why);
        }
        catch (WorkerStoppedException stopped)
        {
            outcome = new InvocationOutcome(request.InvocationId, false, null, new RpcException { Type = "WorkerStopped", Message = stopped.Message });
        }

        if (outcome.Succeeded)
        {
            logger.LogInformation("Executed '{Function}' (Succeeded, Id={InvocationId}, Duration={Duration}ms)", function.Name, outcome.InvocationId, (long)watch.Elapsed.TotalMilliseconds);
        }
        else
        {
            logger.LogError("Executed '{Function}' (Failed, Id={InvocationId}, Duration={Duration}ms): {Error}", function.Name, outcome.InvocationId, (long)watch.Elapsed.TotalMilliseconds, outcome.ErrorMessage);
        }
        return outcome;
    }

    private static string NewTraceParent() =>
        $"00-{ActivityTraceId.CreateRandom().ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-00";
}
