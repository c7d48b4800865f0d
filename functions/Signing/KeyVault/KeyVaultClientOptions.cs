using Etransactions.Functions.Core;
using Azure.Core;

namespace Etransactions.Functions.Signing.KeyVault;

/// <summary>
/// Options of the Key Vault REST client: Azure.Core's (transport, retries, diagnostics) and the longest wait a
/// throttled request may ask for before the work is handed back to be tried later instead.
/// </summary>
public sealed class KeyVaultClientOptions : ClientOptions
{
    public const string ApiVersion = "7.4";

    public KeyVaultClientOptions()
    {
        // Key Vault throttles by the 10 s window: a few exponential retries that honour Retry-After ride it out.
        Retry.Mode = RetryMode.Exponential;
        Retry.MaxRetries = 3;
        Retry.Delay = TimeSpan.FromSeconds(0.8);
        Retry.MaxDelay = TimeSpan.FromSeconds(10);
        Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
    }

    /// <summary>A Retry-After longer than this is not waited for in the function: it becomes a <see cref="TransientException"/>.</summary>
    public TimeSpan LongestWait { get; set; } = TimeSpan.FromSeconds(30);
}
