using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Etransactions.TestApp;

/// <summary>An orchestrator that uses every Durable feature the tests check, on the real engine through the local host.</summary>
public static class DurableFeatures
{
    public sealed record Report(string Greeting, int Attempts, string? FailureSeen, int SubResult, IReadOnlyList<string> All, string First, string Approval, int Generation);

    [Function(nameof(StartFeatures))]
    public static async Task<IActionResult> StartFeatures(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "features/{instanceId}")] HttpRequest request, string instanceId,
        [DurableClient] DurableTaskClient client)
    {
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(Features), 0, new StartOrchestrationOptions(instanceId));
        return new AcceptedResult($"/runtime/webhooks/durabletask/instances/{instanceId}", new { instanceId });
    }

    /// <summary>Answers with the check-status response: its URLs are served by the host's Durable webhooks.</summary>
    [Function(nameof(StartWaiting))]
    public static async Task<Microsoft.Azure.Functions.Worker.Http.HttpResponseData> StartWaiting(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "waiting/{instanceId}")] Microsoft.Azure.Functions.Worker.Http.HttpRequestData request,
        string instanceId, [DurableClient] DurableTaskClient client)
    {
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(Waiting), "started", new StartOrchestrationOptions(instanceId));
        return await client.CreateCheckStatusResponseAsync(request, instanceId);
    }

    /// <summary>Terminates or purges an instance through the app's own Durable client, as an app would.</summary>
    [Function(nameof(Manage))]
    public static async Task<IActionResult> Manage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/{instanceId}/{action}")] HttpRequest request, string instanceId, string action,
        [DurableClient] DurableTaskClient client)
    {
        switch (action)
        {
            case "terminate":
                await client.TerminateInstanceAsync(instanceId, "stopped by the test");
                return new AcceptedResult();
            case "purge":
                var purged = await client.PurgeInstanceAsync(instanceId);
                return new OkObjectResult(new { purged.PurgedInstanceCount });
            default:
                var state = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
                return state is null ? new NotFoundResult() : new OkObjectResult(new { status = state.RuntimeStatus.ToString(), output = state.SerializedOutput });
        }
    }

    /// <summary>
    /// Continues as new twice (generations 0 and 1 end at once), then in generation 2: activities, a retried
    /// activity, a failing one, a sub-orchestration, fan-out with WhenAll, a race with WhenAny, and an
    /// external event that the test raises right after the start, long before this waits for it.
    /// </summary>
    [Function(nameof(Features))]
    public static async Task<Report> Features([OrchestrationTrigger] TaskOrchestrationContext context, int generation)
    {
        if (generation < 2)
        {
            context.ContinueAsNew(generation + 1);
            return new Report("", 0, null, 0, [], "", "", generation);
        }
        var retry = TaskOptions.FromRetryPolicy(new RetryPolicy(4, TimeSpan.FromSeconds(1), backoffCoefficient: 1));
        var greeting = await context.CallActivityAsync<string>(nameof(Greet), "Hà Nội");
        var attempts = await context.CallActivityAsync<int>(nameof(Flaky), context.InstanceId, retry);
        string? failureSeen = null;
        try
        {
            await context.CallActivityAsync(nameof(AlwaysFails), "x");
        }
        catch (TaskFailedException failed)
        {
            failureSeen = failed.FailureDetails.ErrorMessage;
        }
        var sub = await context.CallSubOrchestratorAsync<int>(nameof(Doubler), 21);
        var all = await Task.WhenAll(Words.Select(word => context.CallActivityAsync<string>(nameof(Greet), word)));
        using var cancelTimer = new CancellationTokenSource();
        var quick = context.CallActivityAsync<string>(nameof(Greet), "first");
        var slow = context.CreateTimer(TimeSpan.FromMinutes(5), cancelTimer.Token);
        var first = await Task.WhenAny(quick, slow) == quick ? await quick : "timer";
        cancelTimer.Cancel();
        var approval = await context.WaitForExternalEvent<string>("approval");
        return new Report(greeting, attempts, failureSeen, sub, all, first, approval, generation);
    }

    [Function(nameof(Waiting))]
    public static async Task<string> Waiting([OrchestrationTrigger] TaskOrchestrationContext context, string input)
    {
        var answer = await context.WaitForExternalEvent<string>("answer");
        return $"{input}:{answer}";
    }

    [Function(nameof(Doubler))]
    public static Task<int> Doubler([OrchestrationTrigger] TaskOrchestrationContext context, int value) =>
        context.CallActivityAsync<int>(nameof(Twice), value);

    [Function(nameof(Greet))]
    public static string Greet([ActivityTrigger] string name) => $"Xin chào, {name}!";

    [Function(nameof(Twice))]
    public static int Twice([ActivityTrigger] int value) => value * 2;

    /// <summary>Fails twice for each instance, then succeeds: the retry policy must carry it through.</summary>
    [Function(nameof(Flaky))]
    public static int Flaky([ActivityTrigger] string instanceId)
    {
        var attempts = FlakyCounts.AddOrUpdate(instanceId, 1, (_, count) => count + 1);
        return attempts < 3 ? throw new InvalidOperationException($"attempt {attempts} fails") : attempts;
    }

    [Function(nameof(AlwaysFails))]
    public static void AlwaysFails([ActivityTrigger] string input) => throw new InvalidOperationException($"always fails on {input}");

    private static readonly string[] Words = ["a", "b", "c"];

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> FlakyCounts = new();
}
