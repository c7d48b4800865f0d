using Etransactions.Functions.Core.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Etransactions.Functions.Dossiers.Calendar;

public static class WorkingCalendarExtensions
{
    /// <summary>The working hours and the published calendars that dossiers' deadlines are counted in.</summary>
    public static IServiceCollection AddWorkingCalendar(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAppSettings<WorkingCalendarOptions>(configuration);
        return services.AddSingleton<CalendarStore>();
    }
}
