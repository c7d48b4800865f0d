using Etransactions.Functions.Core.Settings;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Etransactions.Functions.ApiKeys;

public static class ApiKeysExtensions
{
    public static FunctionsApplicationBuilder AddApiKeys(this FunctionsApplicationBuilder builder)
    {
        builder.Services.AddAppSettings<ApiKeyOptions>(builder.Configuration);
        builder.Services.AddSingleton<ApiKeyStore>();
        builder.Services.AddSingleton<ApiKeyAuthenticator>();
        return builder;
    }
}
