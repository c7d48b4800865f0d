using System.Security.Cryptography;
using Etransactions.Functions.Conversion;
using Etransactions.Functions.Conversion.Documents.Inspection;
using Etransactions.Functions.Conversion.Documents.Ocr;
using Etransactions.Functions.Conversion.Documents.Pdf;
using Etransactions.Functions.Signing;
using Etransactions.Functions.Conversion.Messages;
using Etransactions.Functions.Conversion.Requests;
using Etransactions.Functions.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Etransactions.Bench.Conversion;

/// <summary>
/// The conversion of one scan as the app makes it for an upload, with the app's services from its own
/// extensions (AddCore, AddConversion): hashing, inspection, the data message (OCR by the local tesseract,
/// text layer, symbol block, QR), the PAdES signature with the development certificate, the output's hash.
/// Storage is left out: the app's reads and writes of Azurite are not what is measured here.
/// </summary>
internal sealed class Pipeline(ScanInspector inspector, DataMessageBuilder builder, IPdfSigner signer, IOptions<ConversionOptions> options, TimeProvider clock)
{
    public const string BlobPath = "scans/000.00.00.H26/benchmark.pdf";
    private const string AgencyCode = "000.00.00.H26";
    private const string Converter = "Sở Tư pháp Hà Nội";
    private const string Code = "K7Q-M4T-ZP5";

    /// <param name="Signer">The signing certificate's common name.</param>
    public sealed record Result(byte[] Pdf, int PageCount, string MessageId, string OutputSha256, string Signer);

    /// <summary>The app's services over in-memory settings: the local tesseract and a development certificate, whatever the environment says.</summary>
    public static ServiceProvider Services()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" })
            .Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddCore(configuration).AddConversion(configuration);
        services.AddSingleton<Pipeline>();
        return services.BuildServiceProvider();
    }

    public async Task<Result> ConvertAsync(byte[] scan, IOcrEngine ocr, CancellationToken cancellation)
    {
        var messageId = ScanConverter.MessageIdOf(BlobPath, Convert.ToHexStringLower(SHA256.HashData(scan)));
        var inspected = inspector.Inspect(scan, "pdf", options.Value.Limits);
        var convertedAt = clock.GetUtcNow();
        var qr = new QrPayload(Code, convertedAt, Converter, DataMessageSymbol.Vi, DataMessageSymbol.VerificationUrl(options.Value.VerifyUrlBase, Code)).Encode();
        var symbol = new SymbolBlock(DataMessageSymbol.Vi, DataMessageSymbol.En, convertedAt, Converter, Code, qr);
        var built = await builder.BuildAsync(scan, inspected, ConversionRequest.DefaultLanguage, symbol, ocr, cancellation);
        var request = new SignatureRequest(DataMessagePublisher.SignatureReason, Converter, AgencyCode, clock.GetUtcNow());
        var signed = await signer.SignAsync(built.Pdf, request, cancellation);
        return new Result(signed.Pdf, built.PageCount, messageId, Convert.ToHexStringLower(SHA256.HashData(signed.Pdf)), signed.Signer);
    }
}
