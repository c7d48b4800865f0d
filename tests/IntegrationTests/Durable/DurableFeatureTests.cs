using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Etransactions.IntegrationTests.Support;

namespace Etransactions.IntegrationTests.Durable;

/// <summary>The test app's orchestrations, run by the real engine (DurableTask.AzureStorage on Azurite) through the local host.</summary>
[Collection(TestAppTests.Name)]
public sealed class DurableFeatureTests(SharedTestApp shared)
{
    private readonly AppHost _app = shared.App;
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Orchestration_UsesEveryFeatureAndCompletes()
    {
        var id = NewId();
        using var started = await _app.Http.PostAsync(new Uri($"api/features/{id}", UriKind.Relative), null, Cancellation);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        // Raised at once: the orchestrator waits for it only at its very end, two generations later.
        using var raised = await RaiseAsync(id, "approval", "đồng ý");
        Assert.Equal(HttpStatusCode.Accepted, raised.StatusCode);

        var status = await _app.StatusAsync(id, s => s["runtimeStatus"]!.GetValue<string>() is "Completed" or "Failed");

        Assert.Equal("Completed", status["runtimeStatus"]!.GetValue<string>());
        var output = status["output"]!.AsObject();
        Assert.Equal("Xin chào, Hà Nội!", output["Greeting"]!.GetValue<string>());
        Assert.True(output["Attempts"]!.GetValue<int>() >= 3, "the flaky activity succeeds on its third attempt, after two retries");
        Assert.Equal("always fails on x", output["FailureSeen"]!.GetValue<string>());
        Assert.Equal(42, output["SubResult"]!.GetValue<int>());
        Assert.Equal(["Xin chào, a!", "Xin chào, b!", "Xin chào, c!"], output["All"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("Xin chào, first!", output["First"]!.GetValue<string>());
        Assert.Equal("đồng ý", output["Approval"]!.GetValue<string>());
        Assert.Equal(2, output["Generation"]!.GetValue<int>());
        Assert.Equal(2, status["input"]!.GetValue<int>());
    }

    [Fact]
    public async Task CheckStatusResponse_NamesUrlsTheHostServes()
    {
        var id = NewId();
        using var started = await _app.Http.PostAsync(new Uri($"api/waiting/{id}", UriKind.Relative), null, Cancellation);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var urls = await started.Content.ReadFromJsonAsync<JsonObject>(Cancellation);
        var statusUri = new Uri(urls!["statusQueryGetUri"]!.GetValue<string>());
        Assert.Equal(_app.Host.BaseUri.Authority, statusUri.Authority);

        await _app.StatusAsync(id, s => s["runtimeStatus"]!.GetValue<string>() == "Running");
        using var pending = await _app.Http.GetAsync(statusUri, Cancellation);
        Assert.Equal(HttpStatusCode.Accepted, pending.StatusCode);
        var sendEvent = urls["sendEventPostUri"]!.GetValue<string>().Replace("{eventName}", "answer", StringComparison.Ordinal);
        using var sent = await _app.Http.PostAsJsonAsync(new Uri(sendEvent), "42", Cancellation);
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);

        var status = await _app.StatusAsync(id, s => s["runtimeStatus"]!.GetValue<string>() == "Completed");
        Assert.Equal("started:42", status["output"]!.GetValue<string>());
        using var done = await _app.Http.GetAsync(statusUri, Cancellation);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        using var late = await RaiseAsync(id, "answer", "again");
        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
    }

    [Fact]
    public async Task AppsDurableClient_TerminatesAndPurges()
    {
        var id = NewId();
        await _app.Http.PostAsync(new Uri($"api/waiting/{id}", UriKind.Relative), null, Cancellation);
        await _app.StatusAsync(id, s => s["runtimeStatus"]!.GetValue<string>() == "Running");

        using var terminated = await _app.Http.PostAsync(new Uri($"api/manage/{id}/terminate", UriKind.Relative), null, Cancellation);
        Assert.Equal(HttpStatusCode.Accepted, terminated.StatusCode);
        await _app.StatusAsync(id, s => s["runtimeStatus"]!.GetValue<string>() == "Terminated");

        using var purged = await _app.Http.PostAsync(new Uri($"api/manage/{id}/purge", UriKind.Relative), null, Cancellation);
        var count = await purged.Content.ReadFromJsonAsync<JsonObject>(Cancellation);
        Assert.Equal(1, count!["purgedInstanceCount"]!.GetValue<int>());
        using var gone = await _app.Http.GetAsync(new Uri($"runtime/webhooks/durabletask/instances/{id}", UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Webhooks_TerminateAndRefuseUnknownInstances()
    {
        var id = NewId();
        await _app.Http.PostAsync(new Uri($"api/waiting/{id}", UriKind.Relative), null, Cancellation);
        await _app.StatusAsync(id, s => s["runtimeStatus"]!.GetValue<string>() == "Running");

        using var terminate = await _app.Http.PostAsync(new Uri($"runtime/webhooks/durabletask/instances/{id}/terminate?reason=enough", UriKind.Relative), null, Cancellation);
        Assert.Equal(HttpStatusCode.Accepted, terminate.StatusCode);
        var status = await _app.StatusAsync(id, s => s["runtimeStatus"]!.GetValue<string>() == "Terminated");
        Assert.Equal("Terminated", status["runtimeStatus"]!.GetValue<string>());

        using var unknown = await RaiseAsync(NewId(), "answer", "x");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var purged = await _app.Http.DeleteAsync(new Uri($"runtime/webhooks/durabletask/instances/{id}", UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.OK, purged.StatusCode);
    }

    private Task<HttpResponseMessage> RaiseAsync(string id, string eventName, string value) =>
        _app.Http.PostAsJsonAsync(new Uri($"runtime/webhooks/durabletask/instances/{id}/raiseEvent/{eventName}", UriKind.Relative), value, Cancellation);

    private static string NewId() => $"test-{Guid.NewGuid():N}";
}
