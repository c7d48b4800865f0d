using System.Globalization;
using Azure;

namespace Etransactions.Functions.Signing.KeyVault;

/// <summary>How long a throttled or unavailable service asked to wait, from the headers Azure services send.</summary>
internal static class RetryAfter
{
    public static TimeSpan? Of(Response response)
    {
        foreach (var header in new[] { "retry-after-ms", "x-ms-retry-after-ms" })
        {
            if (response.Headers.TryGetValue(header, out var text)
                && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds))
            {
                return TimeSpan.FromMilliseconds(milliseconds);
            }
        }

        if (!response.Headers.TryGetValue("Retry-After", out var value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        // Or an HTTP date, on the service's clock.
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            var wait = at - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
