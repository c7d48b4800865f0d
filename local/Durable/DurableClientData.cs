namespace Etransactions.Local.Durable;

/// <summary>
/// What a `[DurableClient]` parameter is bound from: the sidecar's gRPC address and the base of the
/// instance-management URLs that the check-status response names, as the Functions host's Durable
/// extension sends them to an isolated worker.
/// </summary>
public static class DurableClientData
{
    public const string WebhookPath = "/runtime/webhooks/durabletask";

    public static string Create(Uri sidecar, Uri publicEndpoint, string taskHub) => JsonSerializer.Serialize(new
    {
        taskHubName = taskHub,
        connectionName = "Storage",
        rpcBaseUrl = sidecar.ToString().TrimEnd('/'),
        httpBaseUrl = new Uri(publicEndpoint, WebhookPath).ToString(),
        requiredQueryStringParameters = $"taskHub={Uri.EscapeDataString(taskHub)}&connection=Storage",
        maxGrpcMessageSizeInBytes = int.MaxValue,
        // The worker reads this as a JSON text that itself holds a serialized TimeSpan.
        grpcHttpClientTimeout = JsonSerializer.Serialize(TimeSpan.FromSeconds(100)),
    });
}
