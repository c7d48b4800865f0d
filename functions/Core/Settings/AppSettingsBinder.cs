using System.ComponentModel;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Etransactions.Functions.Core.Settings;

/// <summary>
/// Binds the flat app settings of an options class. Not ConfigurationBinder: it throws a bare
/// InvalidOperationException for text that does not convert, and for an empty value too, while an app
/// setting left blank (as the Azure portal and local.settings.json leave them) means "use the default".
/// </summary>
internal static class AppSettingsBinder
{
    /// <summary>Sets each property whose setting has a value; returns a message for each that did not convert.</summary>
    public static IReadOnlyList<string> Bind(object options, IConfiguration configuration)
    {
        var failures = new List<string>();
        foreach (var setting in AppSettings.Of(options.GetType()))
        {
            var raw = configuration[setting.ConfigurationKey];
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            if (TryConvert(raw.Trim(), setting.Property.PropertyType, out var value))
            {
                setting.Property.SetValue(options, value);
            }
            else
            {
                failures.Add(AppSettingMessages.Format(setting, AppSettingMessages.Expected(setting), raw));
            }
        }

        return failures;
    }

    internal static bool TryConvert(string text, Type propertyType, out object? value)
    {
        var type = Nullable.GetUnderlyingType(propertyType) ?? propertyType;
        var invariant = CultureInfo.InvariantCulture;
        (bool ok, object? converted) result = type switch
        {
            _ when type == typeof(string) => (true, text),
            // Strict integers: no hexadecimal, no thousands separators, no "1.0".
            _ when type == typeof(int) => (int.TryParse(text, NumberStyles.AllowLeadingSign, invariant, out var i), i),
            _ when type == typeof(long) => (long.TryParse(text, NumberStyles.AllowLeadingSign, invariant, out var l), l),
            _ when type == typeof(bool) => (bool.TryParse(text, out var b), b),
            _ when type == typeof(TimeSpan) => (TimeSpan.TryParse(text, invariant, out var t), t),
            _ when type == typeof(Uri) => (Uri.TryCreate(text, UriKind.Absolute, out var u), u),
            _ when type.IsEnum => (Enum.TryParse(type, text, ignoreCase: true, out var e) && Enum.IsDefined(type, e!), e),
            _ => ConvertWithTypeConverter(text, type),
        };
        value = result.ok ? result.converted : null;
        return result.ok;
    }

    private static (bool, object?) ConvertWithTypeConverter(string text, Type type)
    {
        try
        {
            return (true, TypeDescriptor.GetConverter(type).ConvertFromInvariantString(text));
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or NotSupportedException)
        {
            return (false, null);
        }
    }
}
