using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Etransactions.IntegrationTests.Platforms.Api;
using Etransactions.IntegrationTests.Support;
using Etransactions.Local.Azurite;
using Etransactions.Local.Processes;

namespace Etransactions.IntegrationTests.Dossiers;

/// <summary>
/// The functions app run by the local host with the samples loaded at its first start (the 2026 calendar and
/// procedure 2.000488 of agency 000.00.00.H26), on an Azurite of its own (the calendar in force is read across
/// the whole table), on a port kept across a restart so that tokens stay valid.
/// </summary>
public sealed class DossiersApp : IAsyncLifetime
{
    public const string Agency = "000.00.00.H26";
    public const string OtherAgency = "000.00.00.G12";
    public const string Procedure = "2.000488";

    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private readonly int _port = LoopbackPort.Free();
    private string _folder = "";
    private AzuriteServer? _azurite;
    private AppHost? _app;

    public AppHost App => _app ?? throw new InvalidOperationException("Not started.");

    public PlatformsApi Api => new(App.Http);

    public async ValueTask InitializeAsync()
    {
        _folder = TempFolder.Create("dossiers");
        _azurite = await SharedAzurite.StartOwnAsync(Path.Combine(_folder, "azurite"));
        _app = await StartAsync(null, null);
    }

    /// <summary>Stops the app and starts it again as the same host (id, storage, task hub, data folder, port), its clock at <paramref name="clockStart"/>.</summary>
    public async Task RestartAsync(DateTimeOffset clockStart)
    {
        var names = new Dictionary<string, string>(App.Names) { ["LOCAL_CLOCK_START"] = clockStart.ToString("O", System.Globalization.CultureInfo.InvariantCulture) };
        var hostId = App.Host.HostId;
        await App.DisposeAsync();
        _app = await StartAsync(names, hostId);
    }

    private Task<AppHost> StartAsync(Dictionary<string, string>? names, string? hostId) =>
        AppHost.StartAsync(_azurite!.ConnectionString, AppHost.FunctionsProject, names, Path.Combine(_folder, "host"), hostId, _port, loadSamples: true);

    /// <summary>A token for the actor, minted on the host's clock as it is now (moving the clock mints afresh).</summary>
    public async Task<string> TokenAsync(string sub, string role, string? agency = null)
    {
        var key = $"{sub}|{role}|{agency}";
        if (!_tokens.TryGetValue(key, out var token))
        {
            _tokens[key] = token = await DevTokens.MintAsync(App.Http, sub, sub, [role], agency);
        }
        return token;
    }

    public Task<string> OfficerAsync(string role, string agency = Agency) => TokenAsync($"{role}-{agency}", role, agency);

    public async Task MoveClockAsync(DateTimeOffset now)
    {
        using var moved = await App.Http.PostAsJsonAsync(new Uri("admin/clock", UriKind.Relative), new { now }, TestContext.Current.CancellationToken);
        moved.EnsureSuccessStatusCode();
        _tokens.Clear();
    }

    /// <summary>Runs a timer function now, as <c>POST /admin/functions/{name}</c> does.</summary>
    public async Task RunAsync(string function)
    {
        using var run = await App.Http.PostAsync(new Uri($"admin/functions/{function}", UriKind.Relative), null, TestContext.Current.CancellationToken);
        Assert.True(run.IsSuccessStatusCode, $"{function}: {(int)run.StatusCode} {await run.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
    }

    public async Task<ApiReply> SendAsync(HttpMethod method, string path, string token, JsonNode? body = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)).WithBearer(token);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }
        using var response = await App.Http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        JsonObject json;
        try
        {
            json = JsonNode.Parse(text) as JsonObject ?? [];
        }
        catch (System.Text.Json.JsonException)
        {
            json = [];
        }
        return new ApiReply((int)response.StatusCode, new Dictionary<string, string>(), text, json);
    }

    /// <summary>Submits the sample dossier as the applicant; its code.</summary>
    public async Task<string> SubmitAsync(string applicant, string procedure = Procedure, string? key = null)
    {
        var reply = await SendAsync(HttpMethod.Post, "api/dossiers", await TokenAsync(applicant, "applicant"), DossierSamples.Submission(procedure), key);
        Assert.True(reply.Status is 200 or 201, $"submitting: {reply.Status} {reply.Text}");
        return reply.Json["code"]!.GetValue<string>();
    }

    /// <summary>
    /// An action as the token's actor; asserts the status and gives the reply. It is sent with an Idempotency-Key and,
    /// while the workflow has not decided it (202, as after a restart, when the engine takes its partitions back),
    /// sent again with the same key, as a client does: a replay is the same action.
    /// </summary>
    public async Task<ApiReply> ActAsync(string code, string token, JsonObject action, int expected = 200, string? key = null)
    {
        key ??= $"action-{Guid.NewGuid():N}";
        var reply = await SendAsync(HttpMethod.Post, $"api/dossiers/{code}/actions", token, action, key);
        for (var retry = 0; reply.Status == 202 && expected != 202 && retry < 6; retry++)
        {
            reply = await SendAsync(HttpMethod.Post, $"api/dossiers/{code}/actions", token, action, key);
        }
        Assert.True(reply.Status == expected, $"{action["action"]} on {code}: expected {expected}, got {reply.Status} {reply.Text}");
        return reply;
    }

    public async Task<JsonObject> StatusAsync(string code, string token)
    {
        var reply = await SendAsync(HttpMethod.Get, $"api/dossiers/{code}", token);
        Assert.True(reply.Status == 200, $"status of {code}: {reply.Status} {reply.Text}");
        return reply.Json;
    }

    /// <summary>Accepts (the receiver), pays (the applicant) and so brings a new dossier into processing.</summary>
    public async Task AcceptAndPayAsync(string code, string applicant)
    {
        await ActAsync(code, await OfficerAsync("receiver"), new JsonObject { ["action"] = "accept" });
        await ActAsync(code, await TokenAsync(applicant, "applicant"), new JsonObject { ["action"] = "payFee", ["reference"] = $"PAY-{code}" });
    }

    /// <summary>The remaining steps: a draft submitted, approved, signed, issued.</summary>
    public async Task ResolveAsync(string code)
    {
        await ActAsync(code, await OfficerAsync("processor"), new JsonObject { ["action"] = "submitForApproval", ["document"] = DossierSamples.PdfBase64 });
        await ActAsync(code, await OfficerAsync("approver"), new JsonObject { ["action"] = "approve" });
        await ActAsync(code, await OfficerAsync("signer"), new JsonObject { ["action"] = "sign" });
        await ActAsync(code, await OfficerAsync("receiver"), new JsonObject { ["action"] = "issue" });
    }

    public static IReadOnlyList<string> Events(JsonObject status) =>
        [.. status["history"]!.AsArray().Select(entry => entry!["event"]!.GetValue<string>())];

    public static DateTimeOffset Vietnam(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
        TempFolder.Delete(_folder);
    }
}

[CollectionDefinition(Name)]
public sealed class DossiersGroup : ICollectionFixture<DossiersApp>
{
    public const string Name = "dossiers";
}
