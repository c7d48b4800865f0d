namespace Etransactions.InfraTests;

/// <summary>infra/hooks/postdeploy.sh against a fake Azure CLI that answers as a deployed app would.</summary>
public sealed class PostdeployHookTests : IDisposable
{
    private const string BlobsKey = "blobs-key-never-printed";

    private readonly FakeAzure _azure = new();

    public void Dispose() => _azure.Dispose();

    // One entry of `az functionapp function list`: "<app>/<function>" and the function's bindings.
    private static string Function(string name, string bindings) =>
        $$"""{ "name": "{{FakeAzure.AppName}}/{{name}}", "language": "dotnet-isolated", "isDisabled": false, "config": { "bindings": [{{bindings}}] } }""";

    private static string EventGridBlobTrigger(string path) =>
        $$"""{ "name": "content", "direction": "In", "type": "blobTrigger", "path": "{{path}}", "source": "EventGrid", "connection": "AzureWebJobsStorage", "properties": { "supportsDeferredBinding": "True" } }""";

    private const string PolledBlobTrigger =
        """{ "name": "content", "direction": "In", "type": "blobTrigger", "path": "other/{name}", "properties": {} }""";

    private const string HttpTrigger =
        """{ "name": "req", "direction": "In", "type": "httpTrigger", "methods": ["get"], "authLevel": "Anonymous" }, { "name": "$return", "direction": "Out", "type": "http" }""";

    private const string TimerTrigger =
        """{ "name": "timer", "direction": "In", "type": "timerTrigger", "schedule": "0 5 0 * * *" }""";

    private static string Option(string[] call, string name) => call[Array.IndexOf(call, name) + 1];

    [Fact]
    public async Task Hook_HasValidBashSyntaxAndIsExecutable()
    {
        var run = await ProcessRun.StartAsync(FakeAzure.BashPath, ["-n", Repository.PostdeployHook]);

        Assert.True(run.ExitCode == 0, $"bash -n infra/hooks/postdeploy.sh: {run}");
        // azd runs a posix hook as a program, by its #! line.
        Assert.True(File.GetUnixFileMode(Repository.PostdeployHook).HasFlag(UnixFileMode.UserExecute), "the hook is not executable");
        Assert.StartsWith("#!/usr/bin/env bash\n", await File.ReadAllTextAsync(Repository.PostdeployHook, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hook_WithNoFunctionsDeployed_ChangesNothingAndSucceeds()
    {
        _azure.Answer("functionapp function list", "[]");
        _azure.Answer("eventgrid system-topic event-subscription list", "[]");

        var run = await _azure.RunHookAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Empty(_azure.Calls("functionapp keys list"));
        Assert.Empty(_azure.Calls("eventgrid system-topic event-subscription create"));
        Assert.Empty(_azure.Calls("eventgrid system-topic event-subscription delete"));
    }

    [Fact]
    public async Task Hook_WithNoEventGridBlobTrigger_ChangesNothingAndSucceeds()
    {
        _azure.Answer("functionapp function list", $"[{Function("Health", HttpTrigger)}, {Function("Polled", PolledBlobTrigger)}, {Function("Daily", TimerTrigger)}]");
        _azure.Answer("eventgrid system-topic event-subscription list", """[{ "name": "someone-elses" }]""");

        var run = await _azure.RunHookAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("no blob trigger with source EventGrid", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(_azure.Calls("functionapp keys list"));
        Assert.Empty(_azure.Calls("eventgrid system-topic event-subscription create"));
        Assert.Empty(_azure.Calls("eventgrid system-topic event-subscription delete"));
    }

    [Fact]
    public async Task Hook_SubscribesEveryEventGridBlobTriggerToItsContainer()
    {
        _azure.Answer("functionapp function list", $"""
            [{Function("Health", HttpTrigger)},
             {Function("ConvertScan", EventGridBlobTrigger("%SCANS_CONTAINER%/{name}"))},
             {Function("Polled", PolledBlobTrigger)},
             {Function("Import_Activity", EventGridBlobTrigger("activity-files/incoming/{agency}/{name}"))}]
            """);
        _azure.Answer("functionapp config appsettings list", """[{ "name": "SCANS_CONTAINER", "value": "scans", "slotSetting": false }]""");
        _azure.Answer("functionapp keys list", $$"""{ "masterKey": "m", "functionKeys": {}, "systemKeys": { "blobs_extension": "{{BlobsKey}}" } }""");
        _azure.Answer("eventgrid system-topic event-subscription list",
            """[{ "name": "blobtrigger-convertscan" }, { "name": "blobtrigger-removedfunction" }, { "name": "someone-elses" }]""");

        var run = await _azure.RunHookAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        var created = _azure.Calls("eventgrid system-topic event-subscription create")
            .ToDictionary(call => Option(call, "--name"));
        Assert.Equal(["blobtrigger-convertscan", "blobtrigger-import-activity"], created.Keys.Order());

        var scans = created["blobtrigger-convertscan"];
        Assert.Equal("evgt-etx-test", Option(scans, "--system-topic-name"));
        Assert.Equal("webhook", Option(scans, "--endpoint-type"));
        Assert.Equal($"{FakeAzure.AppUrl}/runtime/webhooks/blobs?functionName=Host.Functions.ConvertScan&code={BlobsKey}", Option(scans, "--endpoint"));
        Assert.Equal("Microsoft.Storage.BlobCreated", Option(scans, "--included-event-types"));
        Assert.Equal("/blobServices/default/containers/scans/blobs/", Option(scans, "--subject-begins-with"));

        var activity = created["blobtrigger-import-activity"];
        Assert.Equal($"{FakeAzure.AppUrl}/runtime/webhooks/blobs?functionName=Host.Functions.Import_Activity&code={BlobsKey}", Option(activity, "--endpoint"));
        Assert.Equal("/blobServices/default/containers/activity-files/blobs/incoming/", Option(activity, "--subject-begins-with"));

        var deleted = Assert.Single(_azure.Calls("eventgrid system-topic event-subscription delete"));
        Assert.Equal("blobtrigger-removedfunction", Option(deleted, "--name"));
        Assert.DoesNotContain(BlobsKey, run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hook_WhenTheBlobsKeyNeverAppears_FailsWithoutSubscribing()
    {
        _azure.Answer("functionapp function list", $"[{Function("ConvertScan", EventGridBlobTrigger("scans/{name}"))}]");
        _azure.Answer("functionapp keys list", """{ "masterKey": "m", "functionKeys": {}, "systemKeys": {} }""");
        _azure.Answer("eventgrid system-topic event-subscription list", "[]");

        var run = await _azure.RunHookAsync();

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("azd hooks run postdeploy", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, _azure.Calls("functionapp keys list").Count);
        Assert.Empty(_azure.Calls("eventgrid system-topic event-subscription create"));
    }

    [Fact]
    public async Task Hook_WithoutTheAzureCli_SaysWhatToDoAndSucceeds()
    {
        var run = await _azure.RunHookAsync(withAzureCli: false);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Azure CLI (az) is not installed", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(_azure.Calls());
    }

    [Fact]
    public async Task Hook_WhenSignedOut_SaysWhatToDoAndSucceeds()
    {

        var run = await _azure.RunHookAsync(signedIn: false);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("az login", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(_azure.Calls("functionapp function list"));
    }
}
