using Azure.Core;
using Azure.Core.Pipeline;

namespace Etransactions.Functions.Signing.KeyVault;

/// <summary>
/// Azure.Core's retries (429, 408 and 5xx, waiting at least what Retry-After asks), except when the service
/// asks for a longer wait than a function should spend blocked: that answer is returned as it is.
/// </summary>
internal sealed class KeyVaultRetryPolicy(int maxRetries, DelayStrategy delay, TimeSpan longestWait) : RetryPolicy(maxRetries, delay)
{
    protected override bool ShouldRetry(HttpMessage message, Exception? exception) =>
        base.ShouldRetry(message, exception) && !AsksTooLong(message);

    protected override async ValueTask<bool> ShouldRetryAsync(HttpMessage message, Exception? exception) =>
        await base.ShouldRetryAsync(message, exception) && !AsksTooLong(message);

    private bool AsksTooLong(HttpMessage message) =>
        message.HasResponse && RetryAfter.Of(message.Response) is { } wait && wait > longestWait;
}
