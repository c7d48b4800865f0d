using Etransactions.Functions.Core.Settings;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Etransactions.Functions.Operations;

public static class OperationsExtensions
{
    public static FunctionsApplicationBuilder AddOperations(this FunctionsApplicationBuilder builder)
    {
        builder.Services.AddOperations(builder.Configuration);
        return builder;
    }

    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAppSettings<OperationsOptions>(configuration);
        return services.AddSingleton<OrchestrationHistoryPurger>();
    }
}
