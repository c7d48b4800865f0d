using Etransactions.Functions.Notifications;
using Etransactions.UnitTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Etransactions.UnitTests.Notifications;

/// <summary>ServiceBusConnection__fullyQualifiedNamespace chooses where notifications go.</summary>
public sealed class NotificationPublisherChoiceTests
{
    [Fact]
    public async Task ANamespace_PublishesToTheServiceBusTopic()
    {
        var settings = AppStart.LocalSettings();
        settings["ServiceBusConnection__fullyQualifiedNamespace"] = "sb-etx-abc.servicebus.windows.net";
        await using var services = AppStart.Services(settings);

        var publisher = services.GetRequiredService<INotificationPublisher>();

        Assert.IsType<ServiceBusNotificationPublisher>(publisher);
        // One per app: its sender link is opened once and kept.
        Assert.Same(publisher, services.GetRequiredService<INotificationPublisher>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task NoNamespace_PublishesToTheLocalQueue(string? value)
    {
        var settings = AppStart.LocalSettings();
        settings["ServiceBusConnection__fullyQualifiedNamespace"] = value;
        await using var services = AppStart.Services(settings);

        Assert.IsType<QueueNotificationPublisher>(services.GetRequiredService<INotificationPublisher>());
    }

    [Theory]
    [InlineData("Endpoint=sb://sb-etx-abc.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=c2VjcmV0")]
    [InlineData("https://sb-etx-abc.servicebus.windows.net/")]
    [InlineData("sb-etx-abc")]
    public void ANamespaceThatIsNotAHostName_StopsTheAppNamingTheSetting(string value)
    {
        var failure = Assert.Single(AppStart.Failures(("ServiceBusConnection__fullyQualifiedNamespace", value)));

        Assert.Equal(
            "App setting ServiceBusConnection__fullyQualifiedNamespace: must be the namespace's host name, such as sb-etx-abc.servicebus.windows.net (no scheme, no key)",
            failure);
    }
}
