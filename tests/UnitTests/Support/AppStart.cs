using Etransactions.Functions.ActiveUsers;
using Etransactions.Functions.ApiKeys;
using Etransactions.Functions.Conversion;
using Etransactions.Functions.Conversion.Documents.Ocr;
using Etransactions.Functions.Signing;
using Etransactions.Functions.Core;
using Etransactions.Functions.Dossiers;
using Etransactions.Functions.Health;
using Etransactions.Functions.Identity;
using Etransactions.Functions.Notifications;
using Etransactions.Functions.Operations;
using Etransactions.Functions.Platforms;
using Etransactions.Functions.Publication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Etransactions.UnitTests.Support;

/// <summary>The app's services as Program.cs registers them, over settings given in memory.</summary>
internal static class AppStart
{
    /// <summary>Settings under which the app starts: the local ones.</summary>
    public static Dictionary<string, string?> LocalSettings() => new()
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        ["DURABLE_TASK_HUB"] = "testhub",
        ["INFORMATION_SYSTEM_NAME"] = "Hệ thống thử",
        ["INFORMATION_SYSTEM_ADMINISTRATOR"] = "Đơn vị thử",
        ["REGULATOR_API_KEY"] = "a-regulator-key-long-enough-for-its-check",
        ["AUTH_ISSUER"] = TestTokens.Issuer,
        ["AUTH_AUDIENCE"] = TestTokens.Audience,
    };

    public static ServiceProvider Services(IDictionary<string, string?> settings)
    {
        // Environment variables name A__b; configuration sees A:b, as the host's environment provider does.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create(setting.Key.Replace("__", ":", StringComparison.Ordinal), setting.Value)))
            .Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddCore(configuration).AddHealth();
        services.AddOperations(configuration);
        services.AddApiKeys(configuration);
        services.AddConversion(configuration);
        services.AddNotifications(configuration);
        services.AddPlatforms(configuration);
        services.AddActiveUsers(configuration);
        services.AddPublication(configuration);
        services.AddIdentity(configuration);
        // The issuer's keys are TestTokens' own: nothing is fetched, and its tokens are accepted.
        services.AddSingleton(TestTokens.IssuerMetadata);
        services.AddDossiers(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>What ValidateOnStart reports when the host starts: nothing when the settings are good.</summary>
    public static IReadOnlyList<string> Failures(IDictionary<string, string?> settings)
    {
        using var provider = Services(settings);
        try
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
            return [];
        }
        catch (OptionsValidationException exception)
        {
            return [.. exception.Failures];
        }
        catch (AggregateException exception)
        {
            return [.. exception.InnerExceptions.OfType<OptionsValidationException>().SelectMany(inner => inner.Failures)];
        }
    }

    public static IReadOnlyList<string> Failures(params (string Name, string? Value)[] changes)
    {
        var settings = LocalSettings();
        foreach (var (name, value) in changes)
        {
            settings[name] = value;
        }

        return Failures(settings);
    }
}
