using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

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

    // What the real CLI prints on stderr when the vault has no such item.
    private const string CertificateNotFound =
        "ERROR: (CertificateNotFound) A certificate with (name/id) data-message-signing was not found in this key vault. If you recently deleted this certificate you may be able to recover it using the correct recovery command.";

    private const string SecretNotFound =
        "ERROR: (SecretNotFound) A secret with (name/id) regulator-api-key was not found in this key vault. If you recently deleted this secret you may be able to recover it using the correct recovery command.";

    private const string Forbidden =
        "ERROR: (Forbidden) Caller is not authorized to perform action on resource.\nCode: Forbidden";

    // Nothing deployed that needs blob events: the Key Vault steps alone.
    private void NoFunctions()
    {
        _azure.Answer("functionapp function list", "[]");
        _azure.Answer("eventgrid system-topic event-subscription list", "[]");
    }

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
    public async Task Hook_SubscribesABlobTriggerOnALiteralContainer()
    {
        _azure.Answer("functionapp function list", $"[{Function("convertScan", EventGridBlobTrigger("scans/{name}"))}]");
        _azure.Answer("functionapp keys list", $$"""{ "masterKey": "m", "functionKeys": {}, "systemKeys": { "blobs_extension": "{{BlobsKey}}" } }""");
        _azure.Answer("eventgrid system-topic event-subscription list", "[]");

        var run = await _azure.RunHookAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        var created = Assert.Single(_azure.Calls("eventgrid system-topic event-subscription create"));
        Assert.Equal("blobtrigger-convertscan", Option(created, "--name"));
        Assert.Equal($"{FakeAzure.AppUrl}/runtime/webhooks/blobs?functionName=Host.Functions.convertScan&code={BlobsKey}", Option(created, "--endpoint"));
        Assert.Equal("/blobServices/default/containers/scans/blobs/", Option(created, "--subject-begins-with"));
        // A literal container names no app setting.
        Assert.Empty(_azure.Calls("functionapp config appsettings list"));
        Assert.DoesNotContain(BlobsKey, run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hook_WhenTheVaultHasTheCertificateAndTheSecret_LeavesThem()
    {
        NoFunctions();

        var run = await _azure.RunHookAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        var certificate = Assert.Single(_azure.Calls("keyvault certificate show"));
        Assert.Equal(FakeAzure.VaultName, Option(certificate, "--vault-name"));
        Assert.Equal(FakeAzure.SigningCertificateName, Option(certificate, "--name"));
        var secret = Assert.Single(_azure.Calls("keyvault secret show"));
        Assert.Equal(FakeAzure.RegulatorKeySecretName, Option(secret, "--name"));
        // Only the id is asked for: the value never reaches the hook.
        Assert.Equal("id", Option(secret, "--query"));
        Assert.Empty(_azure.Calls("keyvault certificate create"));
        Assert.Empty(_azure.Calls("keyvault secret set"));
        Assert.Empty(_azure.Calls("functionapp restart"));
    }

    [Fact]
    public async Task Hook_WhenTheSigningCertificateIsMissing_CreatesASelfIssuedRsa2048One()
    {
        NoFunctions();
        _azure.Fail("keyvault certificate show", CertificateNotFound);

        var run = await _azure.RunHookAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        var create = Assert.Single(_azure.Calls("keyvault certificate create"));
        Assert.Equal(FakeAzure.VaultName, Option(create, "--vault-name"));
        Assert.Equal(FakeAzure.SigningCertificateName, Option(create, "--name"));
        Assert.Equal("none", Option(create, "--output"));
        var policy = Assert.IsType<JsonObject>(JsonNode.Parse(Option(create, "--policy")));
        Assert.Equal("Self", policy["issuerParameters"]?["name"]?.GetValue<string>());
        Assert.Equal("RSA", policy["keyProperties"]?["keyType"]?.GetValue<string>());
        Assert.Equal(2048, policy["keyProperties"]?["keySize"]?.GetValue<int>());
        Assert.False(policy["keyProperties"]?["exportable"]?.GetValue<bool>()); // the private key stays in the vault
        Assert.Equal("CN=etransactions data messages", policy["x509CertificateProperties"]?["subject"]?.GetValue<string>());
        var usages = Assert.IsType<JsonArray>(policy["x509CertificateProperties"]?["keyUsage"]).Select(usage => usage?.GetValue<string>());
        Assert.Contains("digitalSignature", usages);
        Assert.Contains("nonRepudiation", usages);
        Assert.Contains("trusted CA", run.Stdout, StringComparison.Ordinal);
        // The certificate is read when signing: no restart for it alone.
        Assert.Empty(_azure.Calls("functionapp restart"));
    }

    [Fact]
    public async Task Hook_WhenTheRegulatorKeyIsMissing_StoresARandomOneWithoutEverShowingIt()
    {
        NoFunctions();
        _azure.Fail("keyvault secret show", SecretNotFound);

        var first = await _azure.RunHookAsync();
        var second = await _azure.RunHookAsync();

        foreach (var run in new[] { first, second })
        {
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains($"az keyvault secret show --vault-name {FakeAzure.VaultName} --name {FakeAzure.RegulatorKeySecretName} --query value -o tsv", run.Stdout, StringComparison.Ordinal);
        }
        var sets = _azure.Calls("keyvault secret set");
        Assert.Equal(2, sets.Count);
        Assert.All(sets, set =>
        {
            Assert.Equal(FakeAzure.VaultName, Option(set, "--vault-name"));
            Assert.Equal(FakeAzure.RegulatorKeySecretName, Option(set, "--name"));
            Assert.Equal("utf-8", Option(set, "--encoding"));
            Assert.Equal("none", Option(set, "--output")); // secret set prints the secret otherwise
            Assert.DoesNotContain("--value", set);
        });
        var keys = _azure.PassedFiles().Select(file => file.Text).ToList();
        Assert.Equal(2, keys.Count);
        Assert.All(keys, key => Assert.Matches("^[0-9a-f]{64}$", key));
        Assert.NotEqual(keys[0], keys[1]);
        foreach (var key in keys)
        {
            Assert.DoesNotContain(key, first.Stdout + first.Stderr + second.Stdout + second.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain(_azure.Calls(), call => call.Any(argument => argument.Contains(key, StringComparison.Ordinal)));
        }
        // The file the key was passed in is gone.
        Assert.All(_azure.PassedFiles(), file => Assert.False(File.Exists(file.Path), $"{file.Path} is left behind"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_azure.TemporaryDirectory));
        // The Key Vault reference resolves on the next start.
        var calls = _azure.Calls().Select(call => string.Join(' ', call.TakeWhile(word => !word.StartsWith('-')))).ToList();
        Assert.Equal(2, calls.Count(call => call == "functionapp restart"));
        Assert.True(calls.IndexOf("keyvault secret set") < calls.IndexOf("functionapp restart"));
        var restart = _azure.Calls("functionapp restart")[0];
        Assert.Equal(FakeAzure.AppName, Option(restart, "--name"));
    }

    [Fact]
    public async Task Hook_WhenTheSecretCannotBeStored_SaysHowToRecoverAndFails()
    {
        NoFunctions();
        _azure.Fail("keyvault secret show", SecretNotFound);
        _azure.Fail("keyvault secret set", "ERROR: (Conflict) Secret regulator-api-key is currently in a deleted but recoverable state, and its name cannot be reused; in this state, the secret can only be recovered or purged.");

        var run = await _azure.RunHookAsync();

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("az keyvault secret recover", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(_azure.Calls("functionapp restart"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_azure.TemporaryDirectory));
    }

    [Fact]
    public async Task Hook_WhenTheVaultRefusesTheDeployer_RetriesThenFailsAfterTheOtherSteps()
    {
        _azure.Answer("functionapp function list", $"[{Function("convertScan", EventGridBlobTrigger("scans/{name}"))}]");
        _azure.Answer("functionapp keys list", $$"""{ "masterKey": "m", "functionKeys": {}, "systemKeys": { "blobs_extension": "{{BlobsKey}}" } }""");
        _azure.Answer("eventgrid system-topic event-subscription list", "[]");
        _azure.Fail("keyvault certificate show", Forbidden);
        _azure.Fail("keyvault secret show", Forbidden);

        var run = await _azure.RunHookAsync();

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal(2, _azure.Calls("keyvault certificate show").Count);
        Assert.Equal(2, _azure.Calls("keyvault secret show").Count);
        Assert.Empty(_azure.Calls("keyvault certificate create"));
        Assert.Empty(_azure.Calls("keyvault secret set"));
        Assert.Contains("Forbidden", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("azd hooks run postdeploy", run.Stderr, StringComparison.Ordinal);
        // Blob events are connected all the same.
        Assert.Single(_azure.Calls("eventgrid system-topic event-subscription create"));
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
        Assert.Empty(_azure.Calls("keyvault"));
    }
}
