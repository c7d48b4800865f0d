using Azure.Core;

namespace Etransactions.Functions.Conversion.Documents.Ocr.DocumentIntelligence;

/// <summary>
/// How the engine calls the service: Azure.Core's retries (429 and 5xx with Retry-After, network errors),
/// its transport (tests give one that trusts their own certificate), and the engine's own pacing.
/// </summary>
public sealed class DocumentIntelligenceOptions : ClientOptions
{
    /// <summary>The service's limits: 2,000 pages and 500 MB a document.</summary>
    public const int MaxPagesPerRequest = 2000;

    public const long MaxRequestBytes = 500L * 1024 * 1024;

    /// <summary>
    /// Pages analysed in one request (at most 2,000): results come back range by range, so the first
    /// pages are built while the next are read. Each request sends the whole file with <c>pages</c> naming its range.
    /// </summary>
    public int PagesPerRequest { get; set; } = 100;

    /// <summary>The shortest wait between polls of an analysis; a longer Retry-After from the service wins.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one analysis may run before it is given up as a transient failure.</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMinutes(10);
}
