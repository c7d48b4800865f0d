using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Etransactions.Functions.Register;

public static class RegisterExtensions
{
    /// <summary>The register of conversions in both directions (Decree 137 Art. 4 and 5), numbered per agency and year.</summary>
    public static FunctionsApplicationBuilder AddRegister(this FunctionsApplicationBuilder builder)
    {
        builder.Services.AddRegister(builder.Configuration);
        return builder;
    }

    public static IServiceCollection AddRegister(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<ConversionRegister>();
        return services;
    }
}
