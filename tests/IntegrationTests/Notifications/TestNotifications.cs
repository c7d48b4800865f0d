using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Etransactions.Functions.Core;
using Etransactions.Functions.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Etransactions.IntegrationTests.Notifications;

/// <summary>The notifications capability as the app registers it, on a given storage, with a clock the test moves.</summary>
internal static class TestNotifications
{
    public static ServiceProvider Services(string storage, FakeTimeProvider clock, Func<IServiceProvider, INotificationPublisher>? publisher = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = storage, ["DURABLE_TASK_HUB"] = "notifications" })
            .Build();
        var services = new ServiceCollection().AddLogging();
        services.AddCore(configuration);
        if (publisher is not null)
        {
            // Registered before AddNotifications, which keeps it.
            services.AddSingleton(publisher);
        }
        services.AddNotifications(configuration);
        // After AddCore, whose clock it replaces.
        services.AddSingleton<TimeProvider>(clock);
        return services.BuildServiceProvider();
    }

    /// <summary>A notification of the kind the self-determination sends, for a test's own platform.</summary>
    public static Notification Sample(string id, string? platformId, DateTimeOffset occurredAt, string type = "selfDetermination.reminder") => new(
        id,
        type,
        occurredAt,
        [NotificationRecipients.Platform],
        platformId,
        new LocalizedText("Nhắc hạn: còn 3 ngày", "Reminder: 3 days left"),
        new LocalizedText("Còn 3 ngày đến hạn tự xác định quy mô kỳ 2026.", "3 days remain to self-determine the scale for cycle 2026."),
        new JsonObject { ["cycle"] = 2026, ["daysBefore"] = 3 });

    public static string NewId(string what) => $"{what}-{Guid.NewGuid():N}";
}

/// <summary>A publisher that keeps what it is given, and fails the first <paramref name="failures"/> times.</summary>
internal sealed class KeepingPublisher(int failures = 0) : INotificationPublisher
{
    private int _failuresLeft = failures;

    public ConcurrentQueue<Notification> Sent { get; } = new();

    public Task PublishAsync(Notification notification, CancellationToken cancellation)
    {
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new InvalidOperationException("The bus is down.");
        }
        Sent.Enqueue(notification);
        return Task.CompletedTask;
    }
}
