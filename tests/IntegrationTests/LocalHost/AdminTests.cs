using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Etransactions.IntegrationTests.Support;

namespace Etransactions.IntegrationTests.LocalHost;

[Collection(TestAppTests.Name)]
public sealed class AdminTests(SharedTestApp shared)
{
    private readonly AppHost _app = shared.App;
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Functions_ListsWhatTheWorkerDescribed()
    {
        var functions = await _app.Http.GetFromJsonAsync<JsonArray>(new Uri("admin/functions", UriKind.Relative), Cancellation);

        var byName = functions!.ToDictionary(function => function!["name"]!.GetValue<string>(), function => function!["trigger"]!.GetValue<string>());
        Assert.Equal("httpTrigger", byName["Echo"]);
        Assert.Equal("timerTrigger", byName["Tick"]);
        Assert.Equal("blobTrigger", byName["OnBlob"]);
        Assert.Equal("queueTrigger", byName["OnQueue"]);
        Assert.Equal("orchestrationTrigger", byName["Features"]);
        Assert.Equal("activityTrigger", byName["Greet"]);
    }

    [Fact]
    public async Task RunByHand_RefusesUnknownAndNonRunnableFunctions()
    {
        using var unknown = await _app.Http.PostAsJsonAsync(new Uri("admin/functions/NoSuchFunction", UriKind.Relative), new { }, Cancellation);
        using var http = await _app.Http.PostAsJsonAsync(new Uri("admin/functions/Echo", UriKind.Relative), new { }, Cancellation);
        using var orchestrator = await _app.Http.PostAsJsonAsync(new Uri("admin/functions/Features", UriKind.Relative), new { }, Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, http.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, orchestrator.StatusCode);
        Assert.Contains("orchestrationTrigger", await orchestrator.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunByHand_RunsAQueueFunctionWithTheGivenInput()
    {
        var text = $"gõ tay {Guid.NewGuid():N}";
        using var reply = await _app.Http.PostAsJsonAsync(new Uri("admin/functions/OnQueueText", UriKind.Relative), new { input = text }, Cancellation);

        Assert.Equal(HttpStatusCode.Accepted, reply.StatusCode);
        var received = await _app.ReceivedAsync("queue-text", match: record => record["text"]!.GetValue<string>() == text);
        Assert.Contains(received, record => record["text"]!.GetValue<string>() == text);
    }

    [Fact]
    public async Task RunByHand_AnswersWithTheErrorWhenTheFunctionFails()
    {
        using var reply = await _app.Http.PostAsJsonAsync(new Uri("admin/functions/OnQueue", UriKind.Relative), new { input = "please fail" }, Cancellation);

        Assert.Equal(HttpStatusCode.InternalServerError, reply.StatusCode);
        Assert.Contains("refused message", await reply.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clock_RefusesABodyWithoutATime()
    {
        using var reply = await _app.Http.PostAsJsonAsync(new Uri("admin/clock", UriKind.Relative), new { now = "tomorrow" }, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, reply.StatusCode);
    }
}
