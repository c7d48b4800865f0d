using Microsoft.Extensions.Configuration;

namespace Etransactions.Functions.Core.Clock;

/// <summary>
/// The app's clock. In Azure, and wherever the local host's marker is absent, the system clock. Inside the
/// local host, the system clock shifted by the offset in the file the host keeps, so that deadlines can be
/// walked through. Both variables are set by the local host, not app settings, so they are not options.
/// </summary>
public static class AppClock
{
    /// <summary>Set to <c>true</c> by the local host in the worker's environment.</summary>
    public const string LocalHostMarker = "ETRANSACTIONS_LOCAL_HOST";

    /// <summary>The path of the file holding the clock offset in milliseconds, set by the local host.</summary>
    public const string ClockFileVariable = "ETRANSACTIONS_LOCAL_CLOCK_FILE";

    public static TimeProvider Create(IConfiguration configuration, TimeProvider? system = null)
    {
        system ??= TimeProvider.System;
        var isLocalHost = string.Equals(configuration[LocalHostMarker]?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        var clockFile = configuration[ClockFileVariable];
        return isLocalHost && !string.IsNullOrWhiteSpace(clockFile) ? new LocalHostClock(clockFile.Trim(), system) : system;
    }
}
