using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Etransactions.Functions.Core.Settings;

public static class AppSettingsExtensions
{
    /// <summary>
    /// Binds <typeparamref name="T"/> from the root configuration by the <c>[ConfigurationKeyName]</c> of its
    /// properties and validates it when the app starts: a setting that is missing, malformed or out of range
    /// stops the app with a message naming the setting.
    /// </summary>
    public static OptionsBuilder<T> AddAppSettings<T>(this IServiceCollection services, IConfiguration configuration)
        where T : class
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>>(new AppSettingsValidator<T>(configuration)));
        return services.AddOptions<T>()
            .Configure(options =>
            {
                var failures = AppSettingsBinder.Bind(options, configuration);
                if (failures.Count > 0)
                {
                    // Thrown while the options are built, so ValidateOnStart reports it like any other failure.
                    throw new OptionsValidationException(Options.DefaultName, typeof(T), failures);
                }
            })
            .ValidateOnStart();
    }
}
