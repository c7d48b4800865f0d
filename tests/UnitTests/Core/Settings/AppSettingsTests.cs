using Etransactions.Functions.Core.Clock;
using Etransactions.Functions.Core.Settings;
using Etransactions.UnitTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Etransactions.UnitTests.Core.Settings;

public class AppSettingsTests
{
    [Fact]
    public void Names_ListsEverySettingTheCodeBinds_AsWrittenInAppSettings()
    {
        Assert.Equal(
            [
                "ACTIVE_USERS_DIFFERENCE_PERCENT",
                "ACTIVE_USERS_GRACE_DAYS",
                "ACTIVITY_MAX_BODY_BYTES",
                "AUTH_AUDIENCE",
                "AUTH_ISSUER",
                "AzureWebJobsStorage",
                "AzureWebJobsStorage__accountName",
                "AzureWebJobsStorage__clientId",
                "CONVERSION_VERIFY_URL_BASE",
                "DOCUMENT_INTELLIGENCE_ENDPOINT",
                "DURABLE_TASK_HUB",
                "INFORMATION_SYSTEM_ADMINISTRATOR",
                "INFORMATION_SYSTEM_NAME",
                "ORCHESTRATION_HISTORY_RETENTION_DAYS",
                "PLATFORMS_MAX_BODY_BYTES",
                "REGULATOR_API_KEY",
                "SCAN_MAX_BYTES",
                "SCAN_MAX_PAGES",
                "SCAN_MAX_PIXELS_PER_PAGE",
                "SIGNING_CERTIFICATE_NAME",
                "SIGNING_KEY_VAULT_URI",
                "SIGNING_PKCS12_PASSWORD",
                "SIGNING_PKCS12_PATH",
                "ServiceBusConnection__fullyQualifiedNamespace",
                "WORKING_DAY_HOURS",
                "WORKING_DAY_LUNCH_BREAK",
            ],
            AppSettings.Names);
    }

    [Fact]
    public void Names_LeavesOutTheLocalHostsVariables()
    {
        Assert.DoesNotContain(AppClock.LocalHostMarker, AppSettings.Names);
        Assert.DoesNotContain(AppClock.ClockFileVariable, AppSettings.Names);
    }

    [Fact]
    public void OptionsTypes_EachIsValidatedByNameWhenTheAppStarts()
    {
        // An options class found here but never registered would be listed as a setting and never read.
        using var provider = AppStart.Services(AppStart.LocalSettings());

        foreach (var type in AppSettings.OptionsTypes)
        {
            var validators = provider.GetServices(typeof(IValidateOptions<>).MakeGenericType(type));
            Assert.Contains(validators, validator => validator!.GetType().GetGenericTypeDefinition() == typeof(AppSettingsValidator<>));
        }
    }

    [Theory]
    [InlineData("AzureWebJobsStorage:accountName", "AzureWebJobsStorage__accountName")]
    [InlineData("DURABLE_TASK_HUB", "DURABLE_TASK_HUB")]
    public void NameOf_ConfigurationKey_IsTheEnvironmentVariableName(string key, string name)
    {
        Assert.Equal(name, AppSettings.NameOf(key));
    }
}
