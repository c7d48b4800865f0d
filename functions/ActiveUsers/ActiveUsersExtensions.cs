using Etransactions.Functions.ActiveUsers.Files;
using Etransactions.Functions.ActiveUsers.Intake;
using Etransactions.Functions.ActiveUsers.Months;
using Etransactions.Functions.ActiveUsers.Reading;
using Etransactions.Functions.ActiveUsers.Storage;
using Etransactions.Functions.Core.Settings;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Etransactions.Functions.ActiveUsers;

public static class ActiveUsersExtensions
{
    /// <summary>Monthly active users measured from the platforms' activity events (Decree 137 Art. 17).</summary>
    public static FunctionsApplicationBuilder AddActiveUsers(this FunctionsApplicationBuilder builder)
    {
        builder.Services.AddActiveUsers(builder.Configuration);
        return builder;
    }

    public static IServiceCollection AddActiveUsers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAppSettings<ActiveUsersOptions>(configuration);
        services.AddSingleton<ActivitySets>();
        services.AddSingleton<ActiveUsersStore>();
        services.AddSingleton<ActivityIntake>();
        services.AddSingleton<ActivityMonths>();
        services.AddSingleton<ActivityFileReceipts>();
        services.AddSingleton<ActivityFileImport>();
        // Replaces the platforms' default of no measurement: the self-determination shows these figures.
        services.AddSingleton<Platforms.SelfDetermination.IMeasuredActiveUsers, MeasuredActiveUsers>();
        return services.AddSingleton<ActiveUsersReport>();
    }
}
