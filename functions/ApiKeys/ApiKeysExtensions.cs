using Etransactions.Functions.Core.Settings;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Etransactions.Functions.ApiKeys;

public static class ApiKeysExtensions
{
    public static FunctionsApplicationBuilder AddApiKeys(this FunctionsApplicationBuilder builder)
    {
        builder.Services.AddApiKeys(builder.Configuration);
        return builder;
    }

    public static IServiceCollection AddApiKeys(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAppSettings<ApiKeyOptions>(configuration);
        services.AddSingleton<ApiKeyStore>();
        return services.AddSingleton<ApiKeyAuthenticator>();
    }
}
