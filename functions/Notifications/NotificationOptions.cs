using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Etransactions.Functions.Notifications;

/// <summary>
/// Where notifications are published: the Service Bus namespace in Azure, reached as the app's managed
/// identity; unset, the local Azurite queue. The setting is the one a Service Bus binding named
/// <c>ServiceBusConnection</c> would read.
/// </summary>
public sealed partial class NotificationOptions : IValidatableObject
{
    /// <summary>The namespace's host name, <c>sb-etx-abc.servicebus.windows.net</c>.</summary>
    [ConfigurationKeyName("ServiceBusConnection:fullyQualifiedNamespace")]
    public string? ServiceBusNamespace { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // A connection string here would carry a key, and a URL is not what the SDK takes.
        if (ServiceBusNamespace is { } name && !HostName().IsMatch(name))
        {
            yield return new("must be the namespace's host name, such as sb-etx-abc.servicebus.windows.net (no scheme, no key)", [nameof(ServiceBusNamespace)]);
        }
    }

    [GeneratedRegex(@"^(?=.{4,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$", RegexOptions.IgnoreCase)]
    private static partial Regex HostName();
}
