namespace Etransactions.InfraTests;

public class BicepBuildTests
{
    [Fact]
    public async Task MainBicep_BuildsWithNoErrorOrWarning()
    {
        var run = await Bicep.BuildAsync(Repository.MainBicep);

        // Linter findings, unknown API versions (BCP081) and type errors all count.
        Assert.True(run.ExitCode == 0, $"bicep build infra/main.bicep failed: {run}");
        Assert.True(Bicep.Diagnostics(run.Stderr).Count == 0, $"bicep build infra/main.bicep reported: {run.Stderr}");
        Assert.StartsWith("{", run.Stdout.TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public void BicepCli_IsThePinnedPackage()
    {
        Assert.True(File.Exists(Repository.BicepPath), $"no bicep binary at {Repository.BicepPath}");
        Assert.Contains("0.49.2", Repository.BicepPath, StringComparison.Ordinal);
    }
}
