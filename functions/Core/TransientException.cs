namespace Etransactions.Functions.Core;

/// <summary>
/// A failure that may pass if the same work is tried again later (storage or the OCR service throttling
/// or down): the host delivers the blob again rather than the upload being rejected.
/// </summary>
public sealed class TransientException(string message, TimeSpan? retryAfter = null, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>How long the service asked to wait, when it said.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
