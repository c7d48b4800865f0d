using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Etransactions.Functions.Core.Settings;

/// <summary>How a bad setting is reported: <c>App setting NAME: problem</c>, the way it is written in app settings.</summary>
internal static class AppSettingMessages
{
    public static string Format(AppSetting setting, string problem, string? raw)
    {
        // The text is repeated only for values such as numbers: a string may be a connection string with a key.
        var echo = raw is not null && setting.Property.PropertyType != typeof(string);
        return echo
            ? $"App setting {setting.Name}: {problem}, got \"{Shorten(raw!)}\""
            : $"App setting {setting.Name}: {problem}";
    }

    /// <summary>What a setting whose text did not convert should hold; its range when it has one.</summary>
    public static string Expected(AppSetting setting)
    {
        var range = setting.Property.GetCustomAttribute<RangeAttribute>();
        if (range?.ErrorMessage is not null)
        {
            return range.FormatErrorMessage(setting.Name);
        }

        var type = Nullable.GetUnderlyingType(setting.Property.PropertyType) ?? setting.Property.PropertyType;
        return type switch
        {
            _ when type == typeof(int) || type == typeof(long) => "must be a whole number",
            _ when type == typeof(double) || type == typeof(decimal) => "must be a number",
            _ when type == typeof(bool) => "must be true or false",
            _ when type == typeof(TimeSpan) => "must be a duration such as 00:05:00",
            _ when type == typeof(Uri) => "must be an absolute URL",
            _ when type.IsEnum => $"must be one of {string.Join(", ", Enum.GetNames(type))}",
            _ => $"must be a {type.Name}",
        };
    }

    private static string Shorten(string raw) => raw.Length <= 100 ? raw : string.Concat(raw.AsSpan(0, 100), "…");
}
