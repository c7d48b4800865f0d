using Azure.Data.Tables;
using Azure.Core;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Etransactions.Functions.Core.Settings;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Etransactions.Functions.Core.Storage;

internal static class StorageExtensions
{
    /// <summary>One BlobServiceClient, QueueServiceClient and TableServiceClient for the app, built at first use.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAppSettings<StorageOptions>(configuration);
        services.AddAzureClients(clients =>
        {
            // The factories read the validated options, so the clients follow whichever form is set.
            clients.AddClient<BlobServiceClient, BlobClientOptions>((options, credential, provider) =>
                Storage(provider) is { ConnectionString: { } connection }
                    ? new BlobServiceClient(connection, options)
                    : new BlobServiceClient(ServiceUri(provider, "blob"), credential, options));
            clients.AddClient<QueueServiceClient, QueueClientOptions>((options, credential, provider) =>
            {
                // Queue triggers decode Base64 by default; messages the app sends must be encoded alike.
                options.MessageEncoding = QueueMessageEncoding.Base64;
                return Storage(provider) is { ConnectionString: { } connection }
                    ? new QueueServiceClient(connection, options)
                    : new QueueServiceClient(ServiceUri(provider, "queue"), credential, options);
            });
            clients.AddClient<TableServiceClient, TableClientOptions>((options, credential, provider) =>
                Storage(provider) is { ConnectionString: { } connection }
                    ? new TableServiceClient(connection, options)
                    : new TableServiceClient(ServiceUri(provider, "table"), credential, options));
            clients.UseCredential(provider => provider.GetRequiredService<TokenCredential>());
        });
        services.AddSingleton(provider => AppCredential.Create(Storage(provider).ClientId));
        services.AddSingleton<AppTables>();
        return services;
    }

    private static StorageOptions Storage(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<StorageOptions>>().Value;

    private static Uri ServiceUri(IServiceProvider provider, string service) =>
        new($"https://{Storage(provider).AccountName}.{service}.core.windows.net");

}
