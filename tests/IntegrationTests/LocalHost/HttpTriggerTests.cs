using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Etransactions.IntegrationTests.Support;

namespace Etransactions.IntegrationTests.LocalHost;

[Collection(TestAppTests.Name)]
public sealed class HttpTriggerTests(SharedTestApp shared)
{
    private readonly AppHost _app = shared.App;
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Request_ReachesTheFunctionWithRouteQueryAndBody()
    {
        using var reply = await _app.Http.PostAsync(new Uri("api/echo/xin-chào?q=1", UriKind.Relative), new StringContent("thân bài"), Cancellation);

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        var echo = await reply.Content.ReadFromJsonAsync<JsonObject>(Cancellation);
        Assert.Equal("xin-chào", echo!["word"]!.GetValue<string>());
        Assert.Equal("POST", echo["method"]!.GetValue<string>());
        Assert.Equal("1", echo["query"]!.GetValue<string>());
        Assert.Equal("thân bài", echo["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task Route_HonoursConstraintsAndMethods()
    {
        using var teapot = await _app.Http.GetAsync(new Uri("api/status/418", UriKind.Relative), Cancellation);
        using var notANumber = await _app.Http.GetAsync(new Uri("api/status/abc", UriKind.Relative), Cancellation);
        using var wrongMethod = await _app.Http.DeleteAsync(new Uri("api/echo/x", UriKind.Relative), Cancellation);
        using var unknown = await _app.Http.GetAsync(new Uri("api/nothing-here", UriKind.Relative), Cancellation);
        using var noPrefix = await _app.Http.GetAsync(new Uri("echo/x", UriKind.Relative), Cancellation);

        Assert.Equal((HttpStatusCode)418, teapot.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notANumber.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noPrefix.StatusCode);
    }

    [Fact]
    public async Task FunctionAuthLevel_NeedsTheHostKey()
    {
        using var without = await _app.Http.GetAsync(new Uri("api/guarded", UriKind.Relative), Cancellation);
        using var wrong = await _app.Http.GetAsync(new Uri("api/guarded?code=wrong", UriKind.Relative), Cancellation);
        using var byQuery = await _app.Http.GetAsync(new Uri($"api/guarded?code={_app.Host.FunctionKey}", UriKind.Relative), Cancellation);
        using var byHeader = new HttpRequestMessage(HttpMethod.Get, new Uri("api/guarded", UriKind.Relative));
        byHeader.Headers.Add("x-functions-key", _app.Host.FunctionKey);
        using var withHeader = await _app.Http.SendAsync(byHeader, Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byQuery.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withHeader.StatusCode);
    }

    [Fact]
    public async Task EachInvocation_IsLoggedOnceWithItsOutcomeAndDuration()
    {
        using var reply = await _app.Http.GetAsync(new Uri("api/status/204", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.NoContent, reply.StatusCode);
        await Eventually.GetAsync(() => Task.FromResult(
            _app.Log.Lines.FirstOrDefault(line => System.Text.RegularExpressions.Regex.IsMatch(line, @"Executed 'Status' \(Succeeded, Id=[0-9a-f-]{36}, Duration=\d+ms\)"))),
            "the invocation's log line", TimeSpan.FromSeconds(10), () => _app.Log.Tail());
    }
}
