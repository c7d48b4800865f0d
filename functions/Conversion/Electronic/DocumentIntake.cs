using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Etransactions.Functions.Conversion.Documents.Inspection;
using Etransactions.Functions.Conversion.Messages;
using Etransactions.Functions.Conversion.Storage;
using Etransactions.Functions.Signing;
using Etransactions.Functions.Signing.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Etransactions.Functions.Conversion.Electronic;

/// <summary>
/// An electronic document uploaded under <c>documents/{agencyCode}/</c> becomes a stored data message with a
/// lookup code, byte for byte as it came: checked like a scan (type, encryption, truncation, limits), its
/// signatures validated and the result kept in its manifest. A rejected upload stays where it is, its record
/// saying why. Re-delivery is safe for the same reasons as a scan's (ids from path and content).
/// </summary>
public sealed partial class DocumentIntake(
    BlobServiceClient blobs, ConversionRegistry registry, ConversionStore store, ScanInspector inspector, ISigningKeySource keys,
    TimeProvider clock, IOptions<ConversionOptions> options, ILogger<DocumentIntake> logger)
{
    private readonly BlobContainerClient _uploads = blobs.GetBlobContainerClient(DocumentLocation.Container);

    /// <param name="isRetry">Asked for by the retry endpoint: a failed version is tried afresh, its tries counted from one.</param>
    public async Task<ConversionOutcome> StoreAsync(string blobPath, bool isRetry, CancellationToken cancellation)
    {
        var path = DocumentLocation.NormalisePath(blobPath);
        var blob = _uploads.GetBlobClient(path[(DocumentLocation.Container.Length + 1)..]);
        BlobProperties properties;
        try
        {
            properties = (await blob.GetPropertiesAsync(cancellationToken: cancellation)).Value;
        }
        catch (RequestFailedException missing) when (missing.Status == 404)
        {
            return ConversionOutcome.Missing;
        }
        var etag = properties.ETag.ToString();
        var existing = await registry.GetConversionAsync(path, cancellation);
        var sameVersion = existing?.BlobEtag == etag;
        if (sameVersion && (existing!.Status is ConversionStatus.Converted or ConversionStatus.Rejected || (existing.Status == ConversionStatus.Failed && !isRetry)))
        {
            return ConversionOutcome.Skipped;
        }
        var now = clock.GetUtcNow();
        var startsAfresh = !sameVersion || (isRetry && existing!.Status == ConversionStatus.Failed);
        var attempts = startsAfresh ? 1 : existing!.Attempts + 1;
        var record = new ConversionRecord(path, ConversionStatus.Processing, etag, attempts, existing?.FirstSeenAt ?? now, now);
        try
        {
            var location = DocumentLocation.Parse(path);
            record = record with { AgencyCode = location.AgencyCode };
            var request = DocumentRequest.FromMetadata(properties.Metadata);
            var limits = options.Value.Limits;
            ScanInspector.CheckDeclaredSize(properties.ContentLength, limits);
            await registry.SaveConversionAsync(record, cancellation);
            var bytes = (await blob.DownloadContentAsync(new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfMatch = properties.ETag } }, cancellation)).Value.Content.ToArray();
            var inspected = inspector.Inspect(bytes, "pdf", limits);
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
            var messageId = ScanConverter.MessageIdOf(path, sha256);
            var message = await registry.ReserveAsync(messageId, location.AgencyCode, path, sha256, now, cancellation);
            if (message.State != DataMessageState.Stored)
            {
                await PublishAsync(bytes, inspected.PageCount, location, request, message, cancellation);
            }
            await registry.SaveConversionAsync(record with
            {
                Status = ConversionStatus.Converted, MessageId = messageId, ContentSha256 = sha256, LookupCode = message.Code, UpdatedAt = clock.GetUtcNow(), LastError = null,
            }, cancellation);
            LogStored(path, LookupCode.Parse(message.Code).Display);
            return ConversionOutcome.Converted;
        }
        catch (ScanRejectedException rejection)
        {
            await registry.SaveConversionAsync(record with
            {
                Status = ConversionStatus.Rejected, UpdatedAt = clock.GetUtcNow(), RejectionCode = rejection.Code, ReasonVi = rejection.ReasonVi, ReasonEn = rejection.ReasonEn,
            }, CancellationToken.None);
            LogRejected(path, rejection.Code, rejection.ReasonEn);
            return ConversionOutcome.Rejected;
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            var final = attempts >= ScanConverter.MaxDeliveries;
            await registry.SaveConversionAsync(record with
            {
                Status = final ? ConversionStatus.Failed : ConversionStatus.Processing, UpdatedAt = clock.GetUtcNow(), LastError = ScanConverter.Describe(failure),
            }, CancellationToken.None);
            if (final)
            {
                return ConversionOutcome.Failed;
            }
            throw;
        }
    }

    private async Task PublishAsync(byte[] pdf, int pageCount, DocumentLocation location, DocumentRequest request, DataMessageRecord message, CancellationToken cancellation)
    {
        var signatures = PdfSignatureValidator.Validate(pdf, (await keys.GetAsync(cancellation)).TrustedRoots, clock.GetUtcNow());
        var (pdfName, manifestName) = ConversionStore.NamesOf(location.AgencyCode, message.MessageId);
        var pdfPath = $"{ConversionStore.DataMessagesContainer}/{pdfName}";
        var manifest = new ElectronicDocumentManifest(
            ElectronicDocumentManifest.SchemaName,
            ElectronicDocumentManifest.ElectronicKind,
            message.MessageId,
            LookupCode.Parse(message.Code).Display,
            location.AgencyCode,
            request.Title,
            request.Issuer,
            Instant.Of(message.ConvertedAt),
            new ManifestSource(location.BlobPath, message.SourceSha256, pdf.LongLength, "pdf"),
            new ManifestOutput(pdfPath, message.SourceSha256, pdf.LongLength, pageCount),
            [.. signatures.Select(ManifestSignatureCheck.Of)]);
        await store.WriteDataMessageAsync(pdfName, pdf, manifestName, manifest.ToJson(), cancellation);
        await registry.MarkStoredAsync(message.Code, pdfPath, $"{ConversionStore.DataMessagesContainer}/{manifestName}", message.SourceSha256, pageCount, signatures.Count > 0, cancellation);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Electronic document {BlobPath} stored as data message {LookupCode}")]
    private partial void LogStored(string blobPath, string lookupCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Electronic document {BlobPath} rejected ({Code}): {Reason}")]
    private partial void LogRejected(string blobPath, string code, string reason);
}
