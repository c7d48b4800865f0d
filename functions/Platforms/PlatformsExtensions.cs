using Etransactions.Functions.Core.Settings;
using Etransactions.Functions.Platforms.Determinations;
using Etransactions.Functions.Platforms.Keys;
using Etransactions.Functions.Platforms.Population;
using Etransactions.Functions.Platforms.Registry;
using Etransactions.Functions.Platforms.SelfDetermination;
using Etransactions.Functions.Platforms.Statistics;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Etransactions.Functions.Platforms;

public static class PlatformsExtensions
{
    /// <summary>Platforms' registry, population figures, annual statistics and their determinations (Decree 137 Art. 17–19).</summary>
    public static FunctionsApplicationBuilder AddPlatforms(this FunctionsApplicationBuilder builder)
    {
        builder.Services.AddPlatforms(builder.Configuration);
        return builder;
    }

    public static IServiceCollection AddPlatforms(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAppSettings<PlatformsOptions>(configuration);
        services.AddSingleton<PlatformStore>();
        services.AddSingleton<PlatformRegistry>();
        services.AddSingleton<KeyRotationStore>();
        services.AddSingleton<KeyRotations>();
        services.AddSingleton<StatisticsSubmissions>();
        services.AddSingleton<PopulationStore>();
        services.AddSingleton<StatisticsStore>();
        services.AddSingleton<RegulatorReviews>();
        services.AddSingleton<YearlyCycle>();
        services.TryAddSingleton<IMeasuredActiveUsers, NoMeasuredActiveUsers>();
        return services.AddSingleton<DeterminationStore>();
    }
}
