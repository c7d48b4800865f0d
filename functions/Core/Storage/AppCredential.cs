using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Etransactions.Functions.Core.Storage;

/// <summary>
/// The identity the app calls Azure as: its user-assigned managed identity when AzureWebJobsStorage__clientId
/// names one, else the system-assigned one (locally, the developer's sign-in). One credential for storage,
/// Document Intelligence, Key Vault and Service Bus, so its tokens are cached once; none is asked for until
/// the first request.
/// </summary>
public static class AppCredential
{
    /// <summary>The credential <see cref="StorageExtensions.AddStorage"/> registered, or one for the storage options' identity.</summary>
    public static TokenCredential From(IServiceProvider provider) =>
        provider.GetService<TokenCredential>() ?? Create(provider.GetService<IOptions<StorageOptions>>()?.Value.ClientId);

    internal static TokenCredential Create(string? clientId) =>
        new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
}
