using Etransactions.Functions.Dossiers.Actions;
using Etransactions.Functions.Dossiers.Calendar;
using Etransactions.Functions.Dossiers.Procedures;
using Etransactions.Functions.Dossiers.Reports;
using Etransactions.Functions.Dossiers.Storage;
using Etransactions.Functions.Dossiers.Submission;
using Etransactions.Functions.Dossiers.Workflow;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Etransactions.Functions.Dossiers;

public static class DossiersExtensions
{
    /// <summary>Online administrative-procedure dossiers (Decree 137 Art. 7–9, Decree 42 Art. 11–16).</summary>
    public static FunctionsApplicationBuilder AddDossiers(this FunctionsApplicationBuilder builder)
    {
        builder.Services.AddDossiers(builder.Configuration);
        return builder;
    }

    public static IServiceCollection AddDossiers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWorkingCalendar(configuration);
        services.TryAddSingleton<ProcedureStore>();
        services.TryAddSingleton<DossierStore>();
        services.TryAddSingleton<DossierFiles>();
        services.TryAddSingleton<DossierIntake>();
        services.TryAddSingleton<DossierReading>();
        services.TryAddSingleton<DossierActionFiles>();
        services.TryAddSingleton<DossierNotices>();
        services.TryAddSingleton<ResultDataMessages>();
        services.TryAddSingleton<MonthlyReports>();
        return services;
    }
}
