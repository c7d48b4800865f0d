using System.Text.Json;

namespace Etransactions.InfraTests;

/// <summary>
/// A temporary directory holding the fake Azure CLI (FakeAzureCli/az) and its canned answers, and a way
/// to run infra/hooks/postdeploy.sh against it the way azd would, with the outputs of main.bicep set.
/// </summary>
internal sealed class FakeAzure : IDisposable
{
    public const string AppName = "func-etx-test";
    public const string AppUrl = "http://127.0.0.1:9"; // nothing listens: the hook's wake-up request fails at once
    public const string VaultName = "kv-etx-test";
    public const string RegulatorKeySecretName = "regulator-api-key";
    public const string SigningCertificateName = "data-message-signing";

    private readonly string _root = Directory.CreateTempSubdirectory("etransactions-postdeploy-").FullName;

    public FakeAzure()
    {
        Directory.CreateDirectory(Bin);
        var az = Path.Combine(Bin, "az");
        // Run by an interpreter that has jmespath (a pyenv python3 on PATH may not; Debian's python3-jmespath is for /usr/bin/python3).
        var script = File.ReadAllLines(Repository.FakeAzureCli).Skip(1).Prepend($"#!{Python}");
        File.WriteAllLines(az, script);
        File.SetUnixFileMode(az, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private string Bin => Path.Combine(_root, "bin");

    /// <summary>The hook's temporary directory (TMPDIR), to see that it leaves nothing behind.</summary>
    public string TemporaryDirectory => Path.Combine(_root, "tmp");

    /// <summary>What `az &lt;command&gt;` prints (before --query), as JSON.</summary>
    public void Answer(string command, string json) => File.WriteAllText(Path.Combine(_root, command + ".json"), json);

    /// <summary>Makes `az &lt;command&gt;` fail with <paramref name="message"/> on stderr, as a service error.</summary>
    public void Fail(string command, string message) => File.WriteAllText(Path.Combine(_root, command + ".error"), message);

    /// <summary>What each file passed with --file held when the CLI read it: its path and its text.</summary>
    public IReadOnlyList<(string Path, string Text)> PassedFiles()
    {
        var log = Path.Combine(_root, "files.jsonl");
        return File.Exists(log)
            ? File.ReadAllLines(log).Select(line => JsonSerializer.Deserialize<string[]>(line) ?? []).Select(pair => (pair[0], pair[1])).ToList()
            : [];
    }

    /// <summary>Every call the hook made, each as its arguments.</summary>
    public IReadOnlyList<string[]> Calls()
    {
        var log = Path.Combine(_root, "calls.jsonl");
        return File.Exists(log)
            ? File.ReadAllLines(log).Select(line => JsonSerializer.Deserialize<string[]>(line) ?? []).ToList()
            : [];
    }

    /// <summary>The calls whose first words are <paramref name="command"/>.</summary>
    public IReadOnlyList<string[]> Calls(string command)
    {
        var words = command.Split(' ');
        return Calls().Where(call => call.Length >= words.Length && call.Take(words.Length).SequenceEqual(words)).ToList();
    }

    /// <summary>Runs the hook. Without the CLI, PATH holds nothing at all, so no real `az` is found either.</summary>
    public Task<ProcessRun> RunHookAsync(bool withAzureCli = true, bool signedIn = true)
    {
        var emptyDirectory = Directory.CreateDirectory(Path.Combine(_root, "empty")).FullName;
        Directory.CreateDirectory(TemporaryDirectory);
        var path = withAzureCli ? $"{Bin}:{Environment.GetEnvironmentVariable("PATH")}" : emptyDirectory;
        var environment = new Dictionary<string, string?>
        {
            ["PATH"] = path,
            ["FAKE_AZ_DIR"] = _root,
            ["FAKE_AZ_SIGNED_OUT"] = signedIn ? null : "1",
            ["AZURE_RESOURCE_GROUP"] = "rg-test",
            ["AZURE_FUNCTION_APP_NAME"] = AppName,
            ["AZURE_FUNCTION_APP_URL"] = AppUrl,
            ["AZURE_EVENTGRID_SYSTEM_TOPIC_NAME"] = "evgt-etx-test",
            ["AZURE_KEY_VAULT_NAME"] = VaultName,
            ["AZURE_REGULATOR_KEY_SECRET_NAME"] = RegulatorKeySecretName,
            ["AZURE_SIGNING_CERTIFICATE_NAME"] = SigningCertificateName,
            ["TMPDIR"] = TemporaryDirectory,
            ["AZURE_SUBSCRIPTION_ID"] = null,
            ["POSTDEPLOY_ATTEMPTS"] = "2",
            ["POSTDEPLOY_WAIT_SECONDS"] = "0",
        };
        return ProcessRun.StartAsync(BashPath, [Repository.PostdeployHook], environment, TimeSpan.FromSeconds(60));
    }

    public static string BashPath { get; } = File.Exists("/usr/bin/bash") ? "/usr/bin/bash" : "/bin/bash";

    /// <summary>A python3 with the jmespath package, which the fake CLI runs on (.ci/run installs python3-jmespath).</summary>
    public static string Python { get; } = FindPython();

    private static string FindPython()
    {
        foreach (var candidate in new[] { "python3", "/usr/bin/python3" })
        {
            try
            {
                var probe = ProcessRun.StartAsync(candidate, ["-c", "import jmespath, sys; print(sys.executable)"]).GetAwaiter().GetResult();
                if (probe.ExitCode == 0)
                {
                    return probe.Stdout.Trim();
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // not installed
            }
        }
        throw new InvalidOperationException("The fake Azure CLI needs python3 with jmespath: apt-get install python3-jmespath (.ci/run does).");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
