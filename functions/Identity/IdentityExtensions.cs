using Etransactions.Functions.Core.Settings;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

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
        services.AddAppSettings<IdentityOptions>(configuration);
        // One cache of the issuer's keys for the app; nothing is fetched until the first token arrives.
        services.AddSingleton(provider => IssuerMetadata.Create(provider.GetRequiredService<IOptions<IdentityOptions>>().Value));
        return services.AddSingleton<IActorAuthenticator, BearerTokenAuthenticator>();
    }
}
