using Etransactions.Functions.Conversion.Documents;
using Etransactions.Functions.Conversion.Documents.Ocr;
using Etransactions.Functions.Conversion.Documents.Pdf;
using Etransactions.Functions.Signing;
using Etransactions.Functions.Conversion.Messages;
using Etransactions.Functions.Conversion.Requests;
using Etransactions.Functions.Conversion.Storage;
using Etransactions.Functions.Register;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Etransactions.Functions.Conversion;

/// <summary>
/// Builds the data message of a reserved lookup code (OCR, text layer, symbol block, QR), signs it when it
/// must be, writes the PDF and its manifest, and marks the code stored. The OCR engine and the signer are
/// made on first need: a rejected upload never starts an engine or loads a key.
/// </summary>
public sealed partial class DataMessagePublisher(
    ConversionRegistry registry, ConversionStore store, ConversionRegister register, DataMessageBuilder builder, Lazy<IOcrEngine> ocr, Lazy<IPdfSigner> signer,
    TimeProvider clock, IOptions<ConversionOptions> options, ILogger<DataMessagePublisher> logger)
{
    public const string SignatureReason = "Converted from a paper document (Decree 137/2024/ND-CP Art. 4)";

    public async Task PublishAsync(
        byte[] scan, InspectedScan inspected, ScanLocation location, ConversionRequest request, DataMessageRecord message, CancellationToken cancellation)
    {
        var code = LookupCode.Parse(message.Code).Display;
        var converter = request.Converter.Value;
        var qrPayload = request.Qr ? QrPayloadOf(code, message.ConvertedAt, converter) : null;
        // Numbered before the build, so the PDF carries its number; a re-delivery finds the same entry by the message id.
        var entry = await register.EnterAsync(new RegisterRequest(
            location.AgencyCode, $"scan:{message.MessageId}", RegisterDirection.ScanToDataMessage, message.ConvertedAt, converter, code, message.SourceSha256, inspected.PageCount),
            cancellation);
        var symbol = new SymbolBlock(DataMessageSymbol.Vi, DataMessageSymbol.En, message.ConvertedAt, converter, code, qrPayload) { RegisterNumber = entry.Number.ToString() };
        BuiltDataMessage built;
        try
        {
            built = await builder.BuildAsync(scan, inspected, request.Language, symbol, ocr.Value, cancellation);
        }
        catch (ScanRejectedException rejected)
        {
            await register.VoidAsync(entry.Number, rejected.ReasonEn, CancellationToken.None);
            throw;
        }

        // Signing is the very last change to the PDF (Art. 4.2.dd): anything after it would break it.
        var pdf = built.Pdf;
        ManifestSignature? signature = null;
        if (request.Sign)
        {
            var signed = await signer.Value.SignAsync(pdf, new SignatureRequest(SignatureReason, converter, location.AgencyCode, clock.GetUtcNow()), cancellation);
            pdf = signed.Pdf;
            signature = new ManifestSignature(signed.Signer, Instant.Of(signed.SignedAt), request.SignRequiredByPurpose);
        }

        var (pdfName, manifestName) = ConversionStore.NamesOf(location.AgencyCode, message.MessageId);
        var pdfPath = $"{ConversionStore.DataMessagesContainer}/{pdfName}";
        var outputSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf));
        var manifest = new DataMessageManifest(
            DataMessageManifest.SchemaName,
            message.MessageId,
            code,
            location.AgencyCode,
            new ManifestSymbol(DataMessageSymbol.Vi, DataMessageSymbol.En),
            Instant.Of(message.ConvertedAt),
            converter,
            request.Purpose,
            new ManifestSource(location.BlobPath, message.SourceSha256, scan.LongLength, inspected.Kind.ToString().ToLowerInvariant()),
            new ManifestOutput(pdfPath, outputSha256, pdf.LongLength, built.PageCount),
            new ManifestOcr(built.Ocr.Engine, built.Ocr.Language, built.Ocr.MeanConfidence),
            qrPayload is null ? null : new ManifestQr(qrPayload),
            signature,
            [.. built.Pages.Select(page => new ManifestPage(page.Index, page.Source.ToString().ToLowerInvariant(), page.Characters))],
            built.Text)
        { RegisterNumber = entry.Number.ToString() };
        await store.WriteDataMessageAsync(pdfName, pdf, manifestName, manifest.ToJson(), cancellation);
        await registry.MarkStoredAsync(message.Code, pdfPath, $"{ConversionStore.DataMessagesContainer}/{manifestName}", outputSha256, built.PageCount, signature is not null, cancellation);
        await register.CompleteAsync(entry.Number, outputSha256, built.PageCount, cancellation);
        LogPublished(message.MessageId, built.PageCount, built.Ocr.Engine, signature is not null);
    }

    /// <summary>A value that cannot go into the QR code is a rejection with its reason, never a retry.</summary>
    private string QrPayloadOf(string code, DateTimeOffset convertedAt, string converter)
    {
        try
        {
            return new QrPayload(code, convertedAt, converter, DataMessageSymbol.Vi, DataMessageSymbol.VerificationUrl(options.Value.VerifyUrlBase, code)).Encode();
        }
        catch (InvalidQrPayloadException invalid)
        {
            throw Rejections.Scan("symbol-block", invalid.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Data message {MessageId}: {PageCount} pages, OCR {Engine}, signed: {Signed}")]
    private partial void LogPublished(string messageId, int pageCount, string engine, bool signed);
}
