using System.Reflection;
using System.Runtime.Versioning;

// The Bicep CLI package referenced is the linux-x64 one, and the hook is a bash script: Linux only.
[assembly: SupportedOSPlatform("linux")]

namespace Etransactions.InfraTests;

/// <summary>Where the repository and the Bicep CLI are, as MSBuild wrote them into this assembly.</summary>
internal static class Repository
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    /// <summary>The bicep binary of the Azure.Bicep.CommandLine package ($(BicepPath)).</summary>
    public static string BicepPath { get; } = Path.GetFullPath(Metadata("BicepPath").Replace('\\', '/'));

    public static string Infra { get; } = Path.Combine(Root, "infra");

    public static string MainBicep { get; } = Path.Combine(Infra, "main.bicep");

    public static string PostdeployHook { get; } = Path.Combine(Infra, "hooks", "postdeploy.sh");

    public static string FakeAzureCli { get; } = Path.Combine(AppContext.BaseDirectory, "FakeAzureCli", "az");

    private static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == key)?.Value is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Assembly metadata {key} is missing: see InfraTests.csproj.");
}
