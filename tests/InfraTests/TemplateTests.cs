using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Etransactions.InfraTests;

/// <summary>What infra/main.bicep promises, read from the template it compiles to.</summary>
public partial class TemplateTests
{
    // Settings of local.settings.sample.json that exist only on a developer's machine.
    internal static readonly string[] LocalOnlySettings =
    [
        "FUNCTIONS_WORKER_RUNTIME", // Flex Consumption takes the runtime from functionAppConfig
        "AzureWebJobsStorage", // Azurite's connection string; in Azure the identity-based AzureWebJobsStorage__*
        "SIGNING_PKCS12_PATH", // a signing key file, refused in Azure, where the key stays in Key Vault
        "SIGNING_PKCS12_PASSWORD",
    ];

    private static async Task<ArmTemplate> MainAsync() => new(await Bicep.MainTemplateAsync());

    internal static async Task<IReadOnlyDictionary<string, JsonNode?>> AppSettingsAsync()
    {
        var main = await MainAsync();
        var (template, resource) = Assert.Single(main.OfType("Microsoft.Web/sites/config"));
        Assert.Equal("appsettings", ChildName(template, resource));
        var settings = Assert.IsType<JsonObject>(template.Value(resource, "properties"));
        return settings.ToDictionary(pair => pair.Key, pair => pair.Value);
    }

    [Fact]
    public async Task AppSettings_HoldEverySettingTheAppReadsInAzure()
    {
        var sample = JsonNode.Parse(await File.ReadAllTextAsync(
            Path.Combine(Repository.Root, "local.settings.sample.json"), TestContext.Current.CancellationToken));
        var wanted = Assert.IsType<JsonObject>(sample?["Values"]).Select(pair => pair.Key)
            .Where(name => !LocalOnlySettings.Contains(name) && !name.StartsWith("LOCAL_", StringComparison.Ordinal))
            .Append("AzureWebJobsStorage__credential")
            .Append("APPLICATIONINSIGHTS_CONNECTION_STRING")
            .Append("APPLICATIONINSIGHTS_AUTHENTICATION_STRING");

        var settings = await AppSettingsAsync();

        var missing = wanted.Where(name => !settings.ContainsKey(name)).ToList();
        Assert.True(missing.Count == 0, $"app settings in infra/main.bicep lack: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task AppSettings_ReachStorageAsTheIdentityAndSetNoRuntimeOrKey()
    {
        var settings = await AppSettingsAsync();

        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]?.GetValue<string>());
        Assert.Contains("Authorization=AAD", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]?.ToString(), StringComparison.Ordinal);
        foreach (var name in new[] { "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "AzureWebJobsStorage", "LOCAL_CLOCK_START" })
        {
            Assert.False(settings.ContainsKey(name), $"{name} must not be an app setting in Azure");
        }
        foreach (var (name, value) in settings)
        {
            var text = value?.ToString() ?? "";
            Assert.DoesNotContain("AccountKey=", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SharedAccessKey", text, StringComparison.OrdinalIgnoreCase);
            Assert.False(text.Length == 0, $"app setting {name} is empty");
        }
    }

    [Fact]
    public async Task FunctionApp_RunsDotnetIsolated10OnFlexConsumption()
    {
        var main = await MainAsync();
        var (template, site) = Assert.Single(main.OfType("Microsoft.Web/sites"), item => item.Resource["existing"] is null);
        var (planTemplate, plan) = Assert.Single(main.OfType("Microsoft.Web/serverfarms"));

        Assert.Equal("functionapp,linux", template.Value(site, "kind")?.GetValue<string>());
        Assert.Equal("dotnet-isolated", template.Value(site, "properties.functionAppConfig.runtime.name")?.GetValue<string>());
        Assert.Equal("10.0", template.Value(site, "properties.functionAppConfig.runtime.version")?.GetValue<string>());
        Assert.Equal("blobContainer", template.Value(site, "properties.functionAppConfig.deployment.storage.type")?.GetValue<string>());
        Assert.Equal("UserAssignedIdentity", template.Value(site, "properties.functionAppConfig.deployment.storage.authentication.type")?.GetValue<string>());
        Assert.Equal("FC1", planTemplate.Value(plan, "sku.name")?.GetValue<string>());
        Assert.Equal("FlexConsumption", planTemplate.Value(plan, "sku.tier")?.GetValue<string>());
        // azd deploy finds the app by this tag; its value is the service name in azure.yaml.
        Assert.Contains("azd-service-name", site["tags"]?.ToString(), StringComparison.Ordinal);
        Assert.Equal("api", template.Resolve(JsonValue.Create("[parameters('serviceName')]"))?.GetValue<string>());
    }

    [Fact]
    public async Task Storage_AcceptsOnlyEntraSignInAndNoPublicBlobs()
    {
        var main = await MainAsync();
        var (template, account) = Assert.Single(main.OfType("Microsoft.Storage/storageAccounts"), item => item.Resource["existing"] is null);

        Assert.False(template.Value(account, "properties.allowSharedKeyAccess")?.GetValue<bool>());
        Assert.False(template.Value(account, "properties.allowBlobPublicAccess")?.GetValue<bool>());
        Assert.Equal("TLS1_2", template.Value(account, "properties.minimumTlsVersion")?.GetValue<string>());
        foreach (var (containerTemplate, container) in main.OfType("Microsoft.Storage/storageAccounts/blobServices/containers"))
        {
            Assert.Equal("None", containerTemplate.Value(container, "properties.publicAccess")?.GetValue<string>());
        }
    }

    [Fact]
    public async Task Services_RefuseKeysAndLocalAuthentication()
    {
        var main = await MainAsync();

        bool? Property(string type, string path)
        {
            var (template, resource) = Assert.Single(main.OfType(type), item => item.Resource["existing"] is null);
            return template.Value(resource, path)?.GetValue<bool>();
        }

        Assert.True(Property("Microsoft.ServiceBus/namespaces", "properties.disableLocalAuth"));
        Assert.True(Property("Microsoft.CognitiveServices/accounts", "properties.disableLocalAuth"));
        Assert.True(Property("Microsoft.Insights/components", "properties.DisableLocalAuth"));
        Assert.True(Property("Microsoft.KeyVault/vaults", "properties.enableRbacAuthorization"));
        Assert.True(Property("Microsoft.KeyVault/vaults", "properties.enableSoftDelete"));
        Assert.True(Property("Microsoft.KeyVault/vaults", "properties.enablePurgeProtection"));
        var topic = Assert.Single(main.OfType("Microsoft.ServiceBus/namespaces/topics"), item => item.Resource["existing"] is null);
        Assert.Equal("notifications", ChildName(topic.Template, topic.Resource));
    }

    [Fact]
    public async Task RoleAssignments_AreNamedByGuidOfScopePrincipalAndRole()
    {
        var main = await MainAsync();
        var assignments = main.OfType("Microsoft.Authorization/roleAssignments");

        Assert.NotEmpty(assignments);
        Assert.All(assignments, item =>
        {
            var name = item.Resource["name"]?.GetValue<string>() ?? "";
            var principal = item.Resource["properties"]?["principalId"]?.GetValue<string>().Trim('[', ']') ?? "";
            Assert.StartsWith("[guid(resourceId(", name, StringComparison.Ordinal);
            Assert.Contains(principal, name, StringComparison.Ordinal);
            Assert.Contains(RoleExpression(item.Resource), name, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task RoleAssignments_GrantTheAppWhatItUses()
    {
        var main = await MainAsync();
        var granted = main.OfType("Microsoft.Authorization/roleAssignments")
            .Where(item => item.Resource["properties"]?["principalId"]?.GetValue<string>() == "[parameters('appPrincipalId')]")
            .SelectMany(item => GrantedRoles(item.Template, item.Resource))
            .ToHashSet();

        string[] roles =
        [
            "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", // Storage Blob Data Owner: the host, Durable, the app
            "974c5e8b-45b9-4653-ba55-5f855dd0fb88", // Storage Queue Data Contributor: Durable's queues
            "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", // Storage Table Data Contributor: Durable's tables
            "3913510d-42f4-4e42-8a64-420c390055eb", // Monitoring Metrics Publisher: Entra-only telemetry
            "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39", // Azure Service Bus Data Sender: notifications
            "12338af0-0e69-4776-bea7-57ae8d297424", // Key Vault Crypto User: signing
            "db79e9a7-68ee-4b58-9aeb-b90e7c24fcba", // Key Vault Certificate User: the signing certificate
            "a97b65f3-24c7-4388-baec-2e87135dc908", // Cognitive Services User: Document Intelligence
        ];
        var missing = roles.Where(role => !granted.Contains(role)).ToList();
        Assert.True(missing.Count == 0, $"the app's identity lacks roles {string.Join(", ", missing)}");
    }

    // The last segment of a child resource's name: `[format('{0}/{1}', parent, <name>)]` or `parent/name`.
    private static string? ChildName(ArmTemplate template, JsonObject resource)
    {
        var name = resource["name"]?.GetValue<string>() ?? "";
        var format = ChildNameFormat().Match(name);
        if (!format.Success)
        {
            return name.Split('/')[^1];
        }
        var last = format.Groups["last"].Value;
        return last.StartsWith('\'') ? last.Trim('\'') : template.Resolve(JsonValue.Create($"[{last}]"))?.GetValue<string>();
    }

    // The role argument of subscriptionResourceId('Microsoft.Authorization/roleDefinitions', <role>).
    private static string RoleExpression(JsonObject assignment)
    {
        var expression = assignment["properties"]?["roleDefinitionId"]?.GetValue<string>() ?? "";
        var match = RoleDefinition().Match(expression);
        Assert.True(match.Success, $"unexpected roleDefinitionId {expression}");
        return match.Groups["role"].Value;
    }

    // The role definition ids an assignment (or each copy of a looped one) grants.
    private static List<string> GrantedRoles(ArmTemplate template, JsonObject assignment)
    {
        var role = RoleExpression(assignment);
        var looped = LoopedRole().Match(role);
        if (!looped.Success)
        {
            return [NamedRole(template, role)];
        }
        var list = Assert.IsType<JsonArray>(template.Resolve(JsonValue.Create($"[variables('{looped.Groups["list"].Value}')]")));
        return list.Select(item => NamedRole(template, item?.GetValue<string>().Trim('[', ']') ?? "")).ToList();
    }

    // variables('role').storageBlobDataOwner -> its id; a literal id stays as it is.
    private static string NamedRole(ArmTemplate template, string expression)
    {
        var named = RoleMember().Match(expression);
        if (!named.Success)
        {
            return expression.Trim('\'');
        }
        var roles = template.Resolve(JsonValue.Create($"[variables('{named.Groups["variable"].Value}')]"));
        return roles?[named.Groups["member"].Value]?.GetValue<string>() ?? expression;
    }

    [GeneratedRegex(@"^\[format\('\{0\}/\{1\}', .+, (?<last>'[^']*'|parameters\('\w+'\))\)\]$")]
    private static partial Regex ChildNameFormat();

    [GeneratedRegex(@"^\[subscriptionResourceId\('Microsoft\.Authorization/roleDefinitions', (?<role>.+)\)\]$")]
    private static partial Regex RoleDefinition();

    [GeneratedRegex(@"^variables\('(?<list>\w+)'\)\[copyIndex\(\)\]$")]
    private static partial Regex LoopedRole();

    [GeneratedRegex(@"^variables\('(?<variable>\w+)'\)\.(?<member>\w+)$")]
    private static partial Regex RoleMember();
}
