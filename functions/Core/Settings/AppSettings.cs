using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Etransactions.Functions.Core.Settings;

/// <summary>
/// Every app setting the code binds, read from the <see cref="ConfigurationKeyNameAttribute"/> of the options
/// classes in this assembly. A test checks each against local.settings.sample.json and the Bicep app settings,
/// so a setting added to an options class cannot be forgotten at deploy time.
/// </summary>
public static class AppSettings
{
    /// <summary>The options classes: those with at least one property naming an app setting.</summary>
    public static IReadOnlyList<Type> OptionsTypes { get; } =
        [.. typeof(AppSettings).Assembly.GetTypes().Where(type => type.IsClass && !type.IsAbstract && Of(type).Count > 0)];

    /// <summary>Every bound setting, in the order of <see cref="OptionsTypes"/> and their properties.</summary>
    public static IReadOnlyList<AppSetting> All { get; } = [.. OptionsTypes.SelectMany(Of)];

    /// <summary>The names of <see cref="All"/>, as written in app settings, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. All.Select(setting => setting.Name).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The settings one options class binds.</summary>
    public static IReadOnlyList<AppSetting> Of(Type optionsType) =>
        [.. optionsType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(property => (property, key: property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name))
            .Where(found => found.key is not null)
            .Select(found => new AppSetting(NameOf(found.key!), found.key!, optionsType, found.property))];

    /// <summary>Configuration key <c>A:b</c> is the app setting (and environment variable) <c>A__b</c>.</summary>
    public static string NameOf(string configurationKey) =>
        configurationKey.Replace(":", "__", StringComparison.Ordinal);
}
