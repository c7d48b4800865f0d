using Etransactions.Functions.ActiveUsers;
using Etransactions.Functions.ActiveUsers.Months;
using Etransactions.Functions.ApiKeys;
using Etransactions.Functions.Conversion;
using Etransactions.Functions.Conversion.Documents.Ocr;
using Etransactions.Functions.Conversion.Electronic;
using Etransactions.Functions.Conversion.PaperCopies;
using Etransactions.Functions.Conversion.Verification;
using Etransactions.Functions.Core;
using Etransactions.Functions.Dossiers;
using Etransactions.Functions.Dossiers.Actions;
using Etransactions.Functions.Dossiers.Reports;
using Etransactions.Functions.Dossiers.Submission;
using Etransactions.Functions.Dossiers.Workflow;
using Etransactions.Functions.Health;
using Etransactions.Functions.Identity;
using Etransactions.Functions.Notifications;
using Etransactions.Functions.Operations;
using Etransactions.Functions.Platforms;
using Etransactions.Functions.Platforms.Determinations;
using Etransactions.Functions.Platforms.Registry;
using Etransactions.Functions.Publication;
using Etransactions.Functions.Publication.Publishing;
using Etransactions.Functions.Register;
using Etransactions.Functions.Signing;
using Etransactions.UnitTests.Support;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Etransactions.UnitTests;

/// <summary>The registrations of Program.cs, on the real Functions application builder (built, not started).</summary>
public class ProgramTests
{
    [Fact]
    public void Build_LocalSettings_PassesValidationAndResolvesTheFunctionsServices()
    {
        using var host = Build(AppStart.LocalSettings());

        host.Services.GetRequiredService<IStartupValidator>().Validate();
        Assert.NotNull(host.Services.GetRequiredService<StorageHealthCheck>());
        Assert.NotNull(host.Services.GetRequiredService<OrchestrationHistoryPurger>());
        Assert.NotNull(host.Services.GetRequiredService<TimeProvider>());
        Assert.NotNull(host.Services.GetRequiredService<IPdfSigner>());
        Assert.Equal("tesseract", host.Services.GetRequiredService<IOcrEngine>().Name);
        Assert.NotNull(host.Services.GetRequiredService<PlatformStore>());
        Assert.NotNull(host.Services.GetRequiredService<DeterminationStore>());
        Assert.NotNull(host.Services.GetRequiredService<ActivityMonths>());
        Assert.NotNull(host.Services.GetRequiredService<Notifier>());
        Assert.NotNull(host.Services.GetRequiredService<LargePlatformPublisher>());
        Assert.NotNull(host.Services.GetRequiredService<PaperCopyIssuer>());
        Assert.NotNull(host.Services.GetRequiredService<VerificationLookup>());
        Assert.NotNull(host.Services.GetRequiredService<DocumentIntake>());
        Assert.NotNull(host.Services.GetRequiredService<ConversionRegister>());
        Assert.NotNull(host.Services.GetRequiredService<DossierIntake>());
        Assert.NotNull(host.Services.GetRequiredService<DossierReading>());
        Assert.NotNull(host.Services.GetRequiredService<MonthlyReports>());
        Assert.NotNull(host.Services.GetRequiredService<ResultDataMessages>());
        Assert.IsType<QueueNotificationPublisher>(host.Services.GetRequiredService<INotificationPublisher>());
        Assert.IsType<BearerTokenAuthenticator>(host.Services.GetRequiredService<IActorAuthenticator>());
    }

    [Fact]
    public void Build_SettingMissing_FailsValidationNamingIt()
    {
        var settings = AppStart.LocalSettings();
        settings["DURABLE_TASK_HUB"] = "";
        using var host = Build(settings);

        var exception = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Equal(["App setting DURABLE_TASK_HUB: is missing"], exception.Failures);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.ConfigureFunctionsWebApplication();
        builder.AddCore();
        builder.AddApiKeys();
        builder.AddHealth();
        builder.AddOperations();
        builder.AddConversion();
        builder.AddPlatforms();
        builder.AddActiveUsers();
        builder.AddPublication();
        builder.AddNotifications();
        builder.AddIdentity();
        builder.AddDossiers();
        return builder.Build();
    }
}
