using Etransactions.Functions.Core;
using System.Security.Cryptography;
using System.Text;
using Azure.Storage.Blobs.Models;
using Etransactions.Functions.Conversion.Documents;
using Etransactions.Functions.Conversion.Documents.Inspection;
using Etransactions.Functions.Conversion.Requests;
using Etransactions.Functions.Conversion.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Etransactions.Functions.Conversion;

/// <summary>What became of one delivery of an upload.</summary>
public enum ConversionOutcome
{
    Converted,
    Rejected,
    Failed,
    /// <summary>The version was handled before, or the same bytes were converted already.</summary>
    Skipped,
    /// <summary>The upload is gone.</summary>
    Missing,
}

/// <summary>
/// Turns one uploaded scan into a data message (Decree 137 Art. 4) and records the outcome. Returns for every
/// final outcome; throws for a failure that may pass, so the host delivers the blob again, until
/// <see cref="MaxDeliveries"/> deliveries of the version have failed: then the record says <c>failed</c> with
/// the last error, and <c>POST /api/conversions/retry</c> starts it again. Re-delivery is safe: the message id
/// comes from the blob path and the SHA-256 of its bytes, the lookup code from the message id, and the time
/// of conversion is fixed when the code is reserved.
/// </summary>
public sealed partial class ScanConverter(
    ConversionRegistry registry, ConversionStore store, ScanInspector inspector, DataMessagePublisher publisher, TimeProvider clock,
    IOptions<ConversionOptions> options, ILogger<ScanConverter> logger)
{
    /// <summary>The Functions host's tries of a blob before it is poison (its default, and the local host's).</summary>
    public const int MaxDeliveries = 5;

    /// <summary>A build claimed longer ago than this is taken to have died and is done again.</summary>
    private static readonly TimeSpan ClaimStaleAfter = TimeSpan.FromMinutes(10);

    /// <param name="blobPath"><c>scans/{agencyCode}/…</c>, or the name inside the container.</param>
    /// <param name="isRetry">Asked for by the retry endpoint: a failed version is tried afresh, for as many deliveries of the retry as the host makes.</param>
    public async Task<ConversionOutcome> ConvertAsync(string blobPath, bool isRetry, CancellationToken cancellation)
    {
        var path = ScanLocation.NormalisePath(blobPath);
        var name = path[(ScanLocation.Container.Length + 1)..];
        if (await store.ScanPropertiesAsync(name, cancellation) is not { } properties)
        {
            LogMissing(path);
            return ConversionOutcome.Missing;
        }
        var etag = properties.ETag.ToString();
        var existing = await registry.GetConversionAsync(path, cancellation);
        var sameVersion = existing?.BlobEtag == etag;
        if (sameVersion && (existing!.Status is ConversionStatus.Converted or ConversionStatus.Rejected
            || (existing.Status == ConversionStatus.Failed && !isRetry)))
        {
            LogSkipped(path, etag, existing!.Status);
            return ConversionOutcome.Skipped;
        }
        var now = clock.GetUtcNow();
        // A retry counts its own tries from one; its queue's re-deliveries find the record processing and go on counting.
        var startsAfresh = !sameVersion || (isRetry && existing!.Status == ConversionStatus.Failed);
        var attempts = startsAfresh ? 1 : existing!.Attempts + 1;
        var record = new ConversionRecord(path, ConversionStatus.Processing, etag, attempts, existing?.FirstSeenAt ?? now, now);
        try
        {
            return await ConvertVersionAsync(name, properties, record, existing, now, cancellation);
        }
        catch (ScanRejectedException rejection)
        {
            var rejected = record with
            {
                Status = ConversionStatus.Rejected,
                UpdatedAt = clock.GetUtcNow(),
                RejectionCode = rejection.Code,
                ReasonVi = rejection.ReasonVi,
                ReasonEn = rejection.ReasonEn,
            };
            await registry.SaveConversionAsync(rejected, CancellationToken.None);
            LogRejected(path, rejection.Code, rejection.ReasonEn);
            return ConversionOutcome.Rejected;
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            return await NoteFailureAsync(record, failure);
        }
    }

    private async Task<ConversionOutcome> ConvertVersionAsync(
        string name, BlobProperties properties, ConversionRecord record, ConversionRecord? existing, DateTimeOffset now, CancellationToken cancellation)
    {
        var location = ScanLocation.Parse(record.BlobPath);
        record = record with { AgencyCode = location.AgencyCode };
        var request = ConversionRequest.FromMetadata(properties.Metadata);
        var limits = options.Value.Limits;
        // From the blob's properties: an upload far over the limit costs no download.
        ScanInspector.CheckDeclaredSize(properties.ContentLength, limits);
        await registry.SaveConversionAsync(record, cancellation);

        var bytes = await store.DownloadScanAsync(name, properties.ETag, cancellation);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var messageId = MessageIdOf(record.BlobPath, sha256);
        record = record with { ContentSha256 = sha256, MessageId = messageId };
        if (existing is { Status: ConversionStatus.Converted } done && done.MessageId == messageId)
        {
            // The same bytes uploaded again (a new ETag): the data message exists already.
            await registry.SaveConversionAsync(done with { BlobEtag = record.BlobEtag, UpdatedAt = record.UpdatedAt }, cancellation);
            return ConversionOutcome.Skipped;
        }
        var inspected = inspector.Inspect(bytes, location.Extension, limits);

        var message = await registry.ReserveAsync(messageId, location.AgencyCode, record.BlobPath, sha256, now, cancellation);
        if (message.State != DataMessageState.Stored)
        {
            if (await registry.ClaimBuildAsync(message, now, ClaimStaleAfter, cancellation))
            {
                try
                {
                    await publisher.PublishAsync(bytes, inspected, location, request, message, cancellation);
                }
                catch (ScanRejectedException)
                {
                    await registry.ReleaseCodeAsync(message.Code, message.MessageId, CancellationToken.None);
                    throw;
                }
                catch
                {
                    await registry.ReleaseClaimAsync(message.Code, CancellationToken.None);
                    throw;
                }
            }
            else if ((await registry.GetDataMessageAsync(message.Code, cancellation))?.State != DataMessageState.Stored)
            {
                throw new TransientException($"Data message {messageId} is being built by another delivery; it is tried again later.");
            }
        }
        var converted = record with { Status = ConversionStatus.Converted, LookupCode = message.Code, UpdatedAt = clock.GetUtcNow(), LastError = null };
        await registry.SaveConversionAsync(converted, cancellation);
        LogConverted(record.BlobPath, messageId, Messages.LookupCode.Parse(message.Code).Display);
        return ConversionOutcome.Converted;
    }

    /// <summary>
    /// Keeps the record readable while the host tries again (<c>processing</c> with the error), or, after the
    /// last try, ends it <c>failed</c>. A concurrent delivery that converted the version meanwhile wins.
    /// </summary>
    private async Task<ConversionOutcome> NoteFailureAsync(ConversionRecord record, Exception failure)
    {
        var current = await registry.GetConversionAsync(record.BlobPath, CancellationToken.None);
        if (current is { Status: ConversionStatus.Converted } && current.BlobEtag == record.BlobEtag)
        {
            return ConversionOutcome.Converted;
        }
        var error = Describe(failure);
        var final = record.Attempts >= MaxDeliveries;
        await registry.SaveConversionAsync(record with
        {
            Status = final ? ConversionStatus.Failed : ConversionStatus.Processing,
            UpdatedAt = clock.GetUtcNow(),
            LastError = error,
        }, CancellationToken.None);
        if (!final)
        {
            LogRetrying(failure, record.BlobPath, record.Attempts);
            throw failure is TransientException ? failure : new TransientException(error, inner: failure);
        }
        LogFailed(failure, record.BlobPath, record.Attempts);
        return ConversionOutcome.Failed;
    }

    /// <summary>Same path and same bytes, same id; new bytes under the same name, a new data message.</summary>
    public static string MessageIdOf(string blobPath, string contentSha256) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{blobPath}\n{contentSha256}")))[..32];

    /// <summary>The first line of a failure, at most 500 characters: what a record's lastError shows.</summary>
    public static string Describe(Exception failure)
    {
        var text = $"{failure.GetType().Name}: {failure.Message}";
        var line = text.Split('\n')[0];
        return line.Length > 500 ? line[..500] : line;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scan {BlobPath} is gone; nothing to convert")]
    private partial void LogMissing(string blobPath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scan {BlobPath} ({ETag}) was already {Status}; delivery ignored")]
    private partial void LogSkipped(string blobPath, string eTag, string status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scan {BlobPath} rejected ({Code}): {Reason}")]
    private partial void LogRejected(string blobPath, string code, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scan {BlobPath} converted: data message {MessageId}, code {LookupCode}")]
    private partial void LogConverted(string blobPath, string messageId, string lookupCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scan {BlobPath}: delivery {Attempt} failed; the host tries again")]
    private partial void LogRetrying(Exception failure, string blobPath, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scan {BlobPath} failed after {Attempts} deliveries; POST /api/conversions/retry starts it again")]
    private partial void LogFailed(Exception failure, string blobPath, int attempts);
}
