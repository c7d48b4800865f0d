using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Etransactions.Functions.Health;

public static class HealthExtensions
{
    public static FunctionsApplicationBuilder AddHealth(this FunctionsApplicationBuilder builder)
    {
        builder.Services.AddHealth();
        return builder;
    }

    public static IServiceCollection AddHealth(this IServiceCollection services) =>
        services.AddSingleton<StorageHealthCheck>();
}
