using System.Reflection;

namespace Etransactions.Functions.Core;

/// <summary>The app's version, from the build (Directory.Build.props), without the commit the SDK appends.</summary>
public static class AppVersion
{
    public static string Current { get; } =
        FromInformational(typeof(AppVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);

    internal static string FromInformational(string? informational)
    {
        if (string.IsNullOrWhiteSpace(informational))
        {
            return "unknown";
        }

        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
