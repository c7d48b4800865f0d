using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Etransactions.InfraTests;

/// <summary>What infra/main.bicep promises, read from the template it compiles to.</summary>
public partial class TemplateTests
{
    // Settings of local.settings.sample.json that exist only on a developer's machine, as do those named LOCAL_*.
    // None of them may be an app setting in Azure.
    internal static readonly string[] LocalOnlySettings =
    [
        "FUNCTIONS_WORKER_RUNTIME", // Flex Consumption takes the runtime from functionAppConfig
        "AzureWebJobsStorage", // Azurite's connection string; in Azure the identity-based AzureWebJobsStorage__*
        "SIGNING_PKCS12_PATH", // the local signer's PKCS#12 file; in Azure the key stays in Key Vault
        "SIGNING_PKCS12_PASSWORD", // its password
    ];

    internal static bool IsLocalOnly(string name) =>
        LocalOnlySettings.Contains(name) || name.StartsWith("LOCAL_", StringComparison.Ordinal);

    private static async Task<JsonObject> LocalSampleValuesAsync()
    {
        var sample = JsonNode.Parse(await File.ReadAllTextAsync(
            Path.Combine(Repository.Root, "local.settings.sample.json"), TestContext.Current.CancellationToken));
        return Assert.IsType<JsonObject>(sample?["Values"]);
    }

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
        var wanted = (await LocalSampleValuesAsync()).Select(pair => pair.Key)
            .Where(name => !IsLocalOnly(name))
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
    public async Task AppSettings_SetNoLocalOnlySetting()
    {
        var settings = await AppSettingsAsync();
        var sampleLocal = (await LocalSampleValuesAsync()).Select(pair => pair.Key).Where(IsLocalOnly);

        Assert.Contains("SIGNING_PKCS12_PATH", sampleLocal);
        Assert.Contains("SIGNING_PKCS12_PASSWORD", sampleLocal);
        foreach (var name in LocalOnlySettings.Concat(sampleLocal).Distinct())
        {
            Assert.False(settings.ContainsKey(name), $"{name} is local only and must not be an app setting in Azure");
        }
    }

    [Fact]
    public async Task AppSettings_PointQrCodesAtTheAppsOwnHost()
    {
        var main = await MainAsync();
        var settings = await AppSettingsAsync();

        var value = settings["CONVERSION_VERIFY_URL_BASE"]?.GetValue<string>() ?? "";
        var format = VerifyUrlFormat().Match(value);
        Assert.True(format.Success, $"CONVERSION_VERIFY_URL_BASE is {value}");
        var output = ModuleOutput(main, format.Groups["host"].Value, "functionApp", "defaultHostName");
        Assert.Matches(@"^\[reference\(resourceId\('Microsoft\.Web/sites', parameters\('name'\)\), '[^']+'\)\.defaultHostName\]$", output);
    }

    [Theory]
    [InlineData("SCAN_MAX_BYTES", "scanMaxBytes", 104857600)]
    [InlineData("SCAN_MAX_PAGES", "scanMaxPages", 500)]
    [InlineData("SCAN_MAX_PIXELS_PER_PAGE", "scanMaxPixelsPerPage", 50000000)]
    public async Task AppSettings_TakeScanLimitsFromParametersWithTheirDefaults(string setting, string parameter, int defaultValue)
    {
        var template = await Bicep.MainTemplateAsync();
        var settings = await AppSettingsAsync();

        Assert.Equal($"[string(parameters('{parameter}'))]", settings[setting]?.GetValue<string>());
        Assert.Equal("int", template["parameters"]?[parameter]?["type"]?.GetValue<string>());
        Assert.Equal(defaultValue, template["parameters"]?[parameter]?["defaultValue"]?.GetValue<int>());
        var sample = await LocalSampleValuesAsync();
        Assert.Equal(defaultValue.ToString(System.Globalization.CultureInfo.InvariantCulture), sample[setting]?.GetValue<string>());
    }

    [Fact]
    public async Task AppSettings_ReachDocumentIntelligenceAtItsEndpoint()
    {
        var main = await MainAsync();
        var settings = await AppSettingsAsync();

        var output = ModuleOutput(main, Unbracketed(settings["DOCUMENT_INTELLIGENCE_ENDPOINT"]), "documentIntelligence", "endpoint");

        Assert.Matches(@"^\[reference\(resourceId\('Microsoft\.CognitiveServices/accounts', parameters\('name'\)\), '[^']+'\)\.endpoint\]$", output);
    }

    [Fact]
    public async Task AppSettings_NameTheSigningVaultAndCertificate()
    {
        var main = await MainAsync();
        var template = await Bicep.MainTemplateAsync();
        var settings = await AppSettingsAsync();

        var uri = ModuleOutput(main, Unbracketed(settings["SIGNING_KEY_VAULT_URI"]), "keyVault", "uri");
        Assert.Matches(@"^\[reference\(resourceId\('Microsoft\.KeyVault/vaults', parameters\('name'\)\), '[^']+'\)\.vaultUri\]$", uri);
        Assert.Equal("[parameters('signingCertificateName')]", settings["SIGNING_CERTIFICATE_NAME"]?.GetValue<string>());
        Assert.Equal("data-message-signing", template["parameters"]?["signingCertificateName"]?["defaultValue"]?.GetValue<string>());
        // The post-deploy hook creates the certificate of this output when the vault has none.
        Assert.Equal("[parameters('signingCertificateName')]", template["outputs"]?["AZURE_SIGNING_CERTIFICATE_NAME"]?["value"]?.GetValue<string>());
    }

    [Fact]
    public async Task AppSettings_ReadTheRegulatorKeyFromKeyVault()
    {
        var main = await MainAsync();
        var template = await Bicep.MainTemplateAsync();
        var settings = await AppSettingsAsync();

        var value = settings["REGULATOR_API_KEY"]?.GetValue<string>() ?? "";
        var reference = KeyVaultReferenceFormat().Match(value);
        Assert.True(reference.Success, $"REGULATOR_API_KEY is {value}");
        var vaultName = ModuleOutput(main, reference.Groups["vault"].Value, "keyVault", "name");
        Assert.Equal("[parameters('name')]", vaultName);
        var secret = reference.Groups["secret"].Value;
        Assert.Equal("regulator-api-key", main.Resolve(JsonValue.Create($"[variables('{secret}')]"))?.GetValue<string>());
        // The post-deploy hook creates the secret of this output when the vault has none.
        Assert.Equal($"[variables('{secret}')]", template["outputs"]?["AZURE_REGULATOR_KEY_SECRET_NAME"]?["value"]?.GetValue<string>());
    }

    [Fact]
    public async Task AppSettings_PublishNotificationsToTheServiceBusNamespace()
    {
        var main = await MainAsync();
        var settings = await AppSettingsAsync();

        var output = ModuleOutput(main, Unbracketed(settings["ServiceBusConnection__fullyQualifiedNamespace"]), "serviceBus", "fullyQualifiedNamespace");

        // The host name alone (name.servicebus.windows.net), from the namespace's endpoint: no scheme, port or key.
        Assert.Matches(@"^\[split\(replace\(reference\(resourceId\('Microsoft\.ServiceBus/namespaces', parameters\('name'\)\), '[^']+'\)\.serviceBusEndpoint, 'https://', ''\), ':'\)\[0\]\]$", output);
    }

    [Fact]
    public async Task ServiceBus_NotificationsTopicDropsDuplicates_AndTheAppMaySendToItAlone()
    {
        var main = await MainAsync();
        var (namespaceTemplate, serviceBus) = Assert.Single(main.OfType("Microsoft.ServiceBus/namespaces"), item => item.Resource["existing"] is null);
        var (topicTemplate, topic) = Assert.Single(main.OfType("Microsoft.ServiceBus/namespaces/topics"), item => item.Resource["existing"] is null);
        var sender = Assert.Single(main.OfType("Microsoft.Authorization/roleAssignments"),
            item => GrantedRoles(item.Template, item.Resource).Contains("69a216fc-b8fb-44d8-bc22-1f3c2cd27a39"));

        // Topics and duplicate detection need Standard or Premium; the notification id is the MessageId.
        Assert.Equal("Standard", namespaceTemplate.Value(serviceBus, "sku.tier")?.GetValue<string>());
        Assert.True(topicTemplate.Value(topic, "properties.requiresDuplicateDetection")?.GetValue<bool>());
        Assert.False(string.IsNullOrEmpty(topicTemplate.Value(topic, "properties.duplicateDetectionHistoryTimeWindow")?.GetValue<string>()));
        Assert.Equal("[parameters('appPrincipalId')]", sender.Resource["properties"]?["principalId"]?.GetValue<string>());
        Assert.StartsWith("[resourceId('Microsoft.ServiceBus/namespaces/topics', ", sender.Resource["scope"]?.GetValue<string>(), StringComparison.Ordinal);
        // The topic of the assignment is the one the Service Bus module creates.
        var topicName = sender.Template.Resolve(JsonValue.Create("[parameters('notificationsTopicName')]"));
        Assert.Equal("[format('{0}/{1}', parameters('name'), parameters('notificationsTopicName'))]", topic["name"]?.GetValue<string>());
        Assert.Equal("[parameters('notificationsTopicName')]", ModuleOutput(main, Unbracketed(topicName), "serviceBus", "notificationsTopicName"));
    }

    [Fact]
    public async Task FunctionApp_ResolvesKeyVaultReferencesAsItsUserAssignedIdentity()
    {
        var main = await MainAsync();
        var (template, site) = Assert.Single(main.OfType("Microsoft.Web/sites"), item => item.Resource["existing"] is null);

        var identity = template.Value(site, "properties.keyVaultReferenceIdentity")?.GetValue<string>() ?? "";

        Assert.Equal("UserAssigned", template.Value(site, "identity.type")?.GetValue<string>());
        Assert.Equal("[parameters('identityId')]", site["properties"]?["keyVaultReferenceIdentity"]?.GetValue<string>());
        Assert.Equal("[parameters('identityId')]", site["properties"]?["functionAppConfig"]?["deployment"]?["storage"]?["authentication"]?["userAssignedIdentityResourceId"]?.GetValue<string>());
        Assert.Equal("[format('{0}', parameters('identityId'))]", Assert.Single(Assert.IsType<JsonObject>(site["identity"]?["userAssignedIdentities"])).Key);
        var output = ModuleOutput(main, Unbracketed(JsonValue.Create(identity)), "identity", "id");
        Assert.Matches(@"^\[resourceId\('Microsoft\.ManagedIdentity/userAssignedIdentities', parameters\('name'\)\)\]$", output);
    }

    [Fact]
    public async Task Storage_HoldsTheConversionContainersTablesAndQueue()
    {
        var main = await MainAsync();

        var containers = CreatedNames(main, "Microsoft.Storage/storageAccounts/blobServices/containers");
        var tables = CreatedNames(main, "Microsoft.Storage/storageAccounts/tableServices/tables");
        var queues = CreatedNames(main, "Microsoft.Storage/storageAccounts/queueServices/queues");

        Assert.Contains("scans", containers); // uploads; convertScan's blob trigger (source EventGrid)
        Assert.Contains("data-messages", containers);
        Assert.Contains("documents", containers); // electronic documents; storeDocument's blob trigger (source EventGrid)
        Assert.Contains("paper-copies", containers);
        Assert.Contains("dossiers", containers); // dossiers' components and documents
        Assert.Contains("dossier-reports", containers); // signed monthly reports
        Assert.Contains("activitysets", containers);
        Assert.Contains("public-lists", containers); // published versions of the large platforms list
        Assert.Contains("activity", containers); // activity files; importActivityFile's blob trigger (source EventGrid)
        Assert.Contains("app-package", containers);
        Assert.Contains("azure-webjobs-hosts", containers);
        Assert.Contains("azure-webjobs-secrets", containers);
        Assert.Equal(
            ["activeusers", "activitybatches", "activityfiles", "apikeys", "calendars", "conversions", "datamessages", "determinationreviews", "determinations", "determinationtimeline", "dossiers",
             "notifications", "papercopies", "platformhistory", "platformindex", "platformkeyrotations", "platforms", "platformstatistics", "population", "procedures", "register"],
            tables.Order());
        Assert.Equal(["conversion-retries"], queues);
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
            "4633458b-17de-408a-b874-0445c86b69e6", // Key Vault Secrets User: Key Vault references (REGULATOR_API_KEY)
            "12338af0-0e69-4776-bea7-57ae8d297424", // Key Vault Crypto User: signing
            "db79e9a7-68ee-4b58-9aeb-b90e7c24fcba", // Key Vault Certificate User: the signing certificate
            "a97b65f3-24c7-4388-baec-2e87135dc908", // Cognitive Services User: Document Intelligence
        ];
        var missing = roles.Where(role => !granted.Contains(role)).ToList();
        Assert.True(missing.Count == 0, $"the app's identity lacks roles {string.Join(", ", missing)}");
    }

    // An expression without its brackets: "[x]" -> "x".
    private static string Unbracketed(JsonNode? value)
    {
        var text = value?.GetValue<string>() ?? "";
        Assert.True(text.StartsWith('[') && text.EndsWith(']'), $"not an expression: {text}");
        return text[1..^1];
    }

    // `reference(<the deployment of module>, ...).outputs.<output>.value`: the expression that output has in the module.
    private static string ModuleOutput(ArmTemplate main, string expression, string module, string output)
    {
        var match = ModuleOutputReference().Match(expression);
        Assert.True(match.Success, $"not the output of a module: {expression}");
        Assert.Equal(module, match.Groups["module"].Value);
        Assert.Equal(output, match.Groups["output"].Value);
        var (_, deployment) = Assert.Single(main.OfType("Microsoft.Resources/deployments"), item => (string?)item.Resource["name"] == module);
        return deployment["properties"]?["template"]?["outputs"]?[output]?["value"]?.GetValue<string>() ?? "";
    }

    // The names a looped storage resource (`for x in <list parameter>`) creates, resolved through the module's caller.
    private static List<string> CreatedNames(ArmTemplate main, string type)
    {
        var (template, resource) = Assert.Single(main.OfType(type));
        var name = resource["name"]?.GetValue<string>() ?? "";
        var looped = LoopedName().Match(name);
        Assert.True(looped.Success, $"{type} is not created in a loop over a list: {name}");
        var list = looped.Groups["list"].Value;
        Assert.Equal($"[length(parameters('{list}'))]", resource["copy"]?["count"]?.GetValue<string>());
        var names = Assert.IsType<JsonArray>(template.Resolve(JsonValue.Create($"[parameters('{list}')]")));
        return names.Select(item => main.Resolve(item)?.GetValue<string>() ?? "").ToList();
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

    [GeneratedRegex(@"^\[format\('https://\{0\}/verify', (?<host>.+)\)\]$")]
    private static partial Regex VerifyUrlFormat();

    [GeneratedRegex(@"^\[format\('@Microsoft\.KeyVault\(VaultName=\{0\};SecretName=\{1\}\)', (?<vault>.+), variables\('(?<secret>\w+)'\)\)\]$")]
    private static partial Regex KeyVaultReferenceFormat();

    [GeneratedRegex(@"^reference\(extensionResourceId\(.+, 'Microsoft\.Resources/deployments', '(?<module>\w+)'\), '[^']+'\)\.outputs\.(?<output>\w+)\.value$")]
    private static partial Regex ModuleOutputReference();

    [GeneratedRegex(@", parameters\('(?<list>\w+)'\)\[copyIndex\(\)\]\)\]$")]
    private static partial Regex LoopedName();

    [GeneratedRegex(@"^\[subscriptionResourceId\('Microsoft\.Authorization/roleDefinitions', (?<role>.+)\)\]$")]
    private static partial Regex RoleDefinition();

    [GeneratedRegex(@"^variables\('(?<list>\w+)'\)\[copyIndex\(\)\]$")]
    private static partial Regex LoopedRole();

    [GeneratedRegex(@"^variables\('(?<variable>\w+)'\)\.(?<member>\w+)$")]
    private static partial Regex RoleMember();
}
