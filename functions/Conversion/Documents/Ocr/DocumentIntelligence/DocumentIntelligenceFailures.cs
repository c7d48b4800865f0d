using Etransactions.Functions.Core;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;

namespace Etransactions.Functions.Conversion.Documents.Ocr.DocumentIntelligence;

/// <summary>
/// What an answer the engine did not want means: the document's fault (a rejection the clerk can act on),
/// the service's for now (transient: throttled, down, slow), or a request the service refuses (a clear error,
/// for an operator: a wrong endpoint, a missing role).
/// </summary>
internal static partial class DocumentIntelligenceFailures
{
    /// <summary>A failed answer (after Azure.Core's own retries).</summary>
    public static Exception Of(Response response)
    {
        var error = Read(response);
        var code = Code(error);
        if (BadContent().IsMatch(code))
        {
            return Rejection(code);
        }

        return response.Status is 408 or 429 or >= 500
            ? new TransientException($"Document Intelligence is unavailable ({response.Status} {code})", RetryAfter(response))
            : new InvalidOperationException($"Document Intelligence refused the request ({response.Status} {code}): {error?.Message}");
    }

    /// <summary>An analysis that ran and ended <c>failed</c> or <c>canceled</c>.</summary>
    public static Exception Of(string status, ServiceError? error)
    {
        var code = Code(error);
        return BadContent().IsMatch(code)
            ? Rejection(code)
            : new TransientException($"Document Intelligence analysis {status} ({code}): {error?.Message}");
    }

    /// <summary>The wait the service asked for, in seconds or as an HTTP date.</summary>
    public static TimeSpan? RetryAfter(Response response)
    {
        if (!response.Headers.TryGetValue("Retry-After", out var value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? TimeSpan.FromTicks(Math.Max(0, (at - DateTimeOffset.UtcNow).Ticks))
            : null;
    }

    // Too big for the service is the size rejection; anything else it cannot read is a corrupt scan.
    private static ScanRejectedException Rejection(string code) =>
        code.Contains("InvalidContentLength", StringComparison.OrdinalIgnoreCase)
            ? Rejections.Scan("too-large", $"over what the OCR service accepts: {code}")
            : Rejections.Scan("corrupt", $"the OCR service cannot read it: {code}");

    private static string Code(ServiceError? error) => $"{error?.Code} {error?.Innererror?.Code}".Trim();

    private static ServiceError? Read(Response response)
    {
        try
        {
            return response.Content.ToObjectFromJson<ErrorResponse>(DocumentIntelligenceJson.Options)?.Error;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex("InvalidContent|UnsupportedContent|InvalidContentDimensions|InvalidContentLength|CorruptedFile", RegexOptions.IgnoreCase)]
    private static partial Regex BadContent();
}
