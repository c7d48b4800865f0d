using Etransactions.Functions.Signing;
using Etransactions.Functions.Publication.Downloads;
using Etransactions.Functions.Publication.Publishing;
using Etransactions.Functions.Publication.Versions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Etransactions.Functions.Publication;

public static class PublicationExtensions
{
    /// <summary>The published list of large and particularly large intermediary platforms (Decree 137 Art. 18.4.b); needs the platforms.</summary>
    public static FunctionsApplicationBuilder AddPublication(this FunctionsApplicationBuilder builder)
    {
        builder.Services.AddPublication(builder.Configuration);
        return builder;
    }

    public static IServiceCollection AddPublication(this IServiceCollection services, IConfiguration configuration)
    {
        // The versions are signed with the app's signing key, the one converted documents are signed with.
        services.AddSigning(configuration);
        services.AddSingleton<PublishedLists>();
        services.AddSingleton<ListSignature>();
        services.AddSingleton<LargePlatformPublisher>();
        return services.AddSingleton<ListDownloads>();
    }
}
