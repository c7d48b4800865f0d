using Etransactions.Functions.Core.Clock;
using Etransactions.Functions.Core.InformationSystem;
using Etransactions.Functions.Core.Problems;
using Etransactions.Functions.Core.Settings;
using Etransactions.Functions.Core.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Etransactions.Functions.Core;

public static class CoreExtensions
{
    /// <summary>
    /// What every capability shares: validated settings, the storage clients, the clock, and problem
    /// responses. Call after <c>ConfigureFunctionsWebApplication</c>, so that the problem middleware runs
    /// inside the ASP.NET Core proxying middleware that executes its results.
    /// </summary>
    public static FunctionsApplicationBuilder AddCore(this FunctionsApplicationBuilder builder)
    {
        builder.Services.AddCore(builder.Configuration);
        builder.UseMiddleware<ProblemMiddleware>();
        return builder;
    }

    /// <summary>The services of <see cref="AddCore(FunctionsApplicationBuilder)"/>, without the middleware.</summary>
    public static IServiceCollection AddCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAppSettings<DurableOptions>(configuration);
        services.AddAppSettings<InformationSystemOptions>(configuration);
        services.AddStorage(configuration);
        // Registered last, so it wins over any TimeProvider a framework registered before.
        services.AddSingleton(AppClock.Create(configuration));
        return services;
    }
}
