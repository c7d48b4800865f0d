using System.Text.Json.Nodes;
using Etransactions.Functions.Core.Settings;

namespace Etransactions.InfraTests;

/// <summary>Every setting the app's code binds has its local value in the sample and its Azure value in the Bicep.</summary>
public sealed class SettingsTests
{
    [Fact]
    public void TheCode_BindsSettings() => Assert.Contains("ORCHESTRATION_HISTORY_RETENTION_DAYS", AppSettings.Names);

    [Fact]
    public async Task EverySettingTheCodeBinds_IsInTheLocalSample()
    {
        var sample = JsonNode.Parse(await File.ReadAllTextAsync(
            Path.Combine(Repository.Root, "local.settings.sample.json"), TestContext.Current.CancellationToken));
        var values = Assert.IsType<JsonObject>(sample?["Values"]);

        var missing = AppSettings.Names.Where(name => !values.ContainsKey(name)).ToList();

        Assert.True(missing.Count == 0, $"local.settings.sample.json lacks: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task EverySettingTheCodeBinds_IsInTheBicepAppSettings()
    {
        var settings = await TemplateTests.AppSettingsAsync();

        var missing = AppSettings.Names.Where(name => !TemplateTests.LocalOnlySettings.Contains(name) && !settings.ContainsKey(name)).ToList();

        Assert.True(missing.Count == 0, $"the app settings of infra/main.bicep lack: {string.Join(", ", missing)}");
        Assert.Contains("AzureWebJobsStorage__accountName", settings.Keys);
    }
}
