using System.Text.Json.Nodes;

namespace Etransactions.InfraTests;

/// <summary>The Bicep CLI of the Azure.Bicep.CommandLine package.</summary>
internal static class Bicep
{
    /// <summary>`bicep build file --stdout`: the ARM template on stdout, diagnostics on stderr.</summary>
    public static Task<ProcessRun> BuildAsync(string file) =>
        ProcessRun.StartAsync(Repository.BicepPath, ["build", file, "--stdout"]);

    /// <summary>Diagnostics lines, e.g. `main.bicep(12,5) : Warning no-unused-params: ...`.</summary>
    public static IReadOnlyList<string> Diagnostics(string stderr) =>
        stderr.Split('\n')
            .Where(line => line.Contains(" : Warning ", StringComparison.Ordinal)
                || line.Contains(" : Error ", StringComparison.Ordinal))
            .ToList();

    private static readonly Lazy<Task<JsonObject>> _mainTemplate = new(async () =>
    {
        var run = await BuildAsync(Repository.MainBicep);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build infra/main.bicep failed: {run}");
        }
        return JsonNode.Parse(run.Stdout)?.AsObject()
            ?? throw new InvalidOperationException("bicep build printed no template.");
    });

    /// <summary>infra/main.bicep compiled once per test run.</summary>
    public static Task<JsonObject> MainTemplateAsync() => _mainTemplate.Value;
}
