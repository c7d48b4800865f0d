using Etransactions.Functions.Dossiers.Calendar;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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
        return services;
    }
}
