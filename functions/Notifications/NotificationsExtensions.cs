using Azure.Messaging.ServiceBus;
using Azure.Storage.Queues;
using Etransactions.Functions.Core.Settings;
using Etransactions.Functions.Core.Storage;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Etransactions.Functions.Notifications;

public static class NotificationsExtensions
{
    /// <summary>Notifications to platforms and the regulator: recorded, published once, listed (needs AddApiKeys for the list).</summary>
    public static FunctionsApplicationBuilder AddNotifications(this FunctionsApplicationBuilder builder)
    {
        builder.Services.AddNotifications(builder.Configuration);
        return builder;
    }

    /// <summary>
    /// The publisher is the Service Bus topic when ServiceBusConnection__fullyQualifiedNamespace is set (as
    /// the app's managed identity, the one AzureWebJobsStorage__clientId names), the Azurite queue otherwise.
    /// A publisher registered before this is kept.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAppSettings<NotificationOptions>(configuration);
        services.AddSingleton<NotificationStore>();
        services.TryAddSingleton<INotificationPublisher>(provider =>
            provider.GetRequiredService<IOptions<NotificationOptions>>().Value.ServiceBusNamespace is { } serviceBusNamespace
                ? new ServiceBusNotificationPublisher(new ServiceBusClient(serviceBusNamespace, AppCredential.From(provider)))
                : new QueueNotificationPublisher(provider.GetRequiredService<QueueServiceClient>().GetQueueClient(QueueNotificationPublisher.Queue)));
        return services.AddSingleton<Notifier>();
    }
}
