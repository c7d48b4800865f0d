using Microsoft.Extensions.Logging;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using PdfSharp.Pdf.Signatures;

namespace Etransactions.Functions.Signing;

/// <summary>
/// Signs a finished PDF with a PAdES baseline B-B signature through PDFsharp's signature handler, with the key
/// the source gives. The signature is invisible (the data message shows its converter in the symbol block) and
/// covers the whole file. PDFsharp rewrites the file as it signs: the input's own signatures would break.
/// </summary>
public sealed partial class PadesSigner(ISigningKeySource keys, ILogger<PadesSigner> logger) : IPdfSigner
{
    private const string AppName = "etransactions";

    public async Task<SignedPdf> SignAsync(byte[] pdf, SignatureRequest request, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(request);
        var key = await keys.GetAsync(cancellation);
        cancellation.ThrowIfCancellationRequested();

        using var document = PdfReader.Open(new MemoryStream(pdf, writable: false), PdfDocumentOpenMode.Modify);
        // PDFsharp's Flate encoder leaves out zlib's checksum (qpdf --check fails): whatever stream it would
        // compress while saving is written uncompressed. Streams read from the input are written as they came.
        document.Options.NoCompression = true;
        var options = new DigitalSignatureOptions { Reason = request.Reason, Location = request.Location ?? "", AppName = AppName };
        DigitalSignatureHandler.ForDocument(document, new PadesDigitalSigner(document, key, request), options);

        using var signed = new MemoryStream(pdf.Length + (3 * CadesSignature.SizeFor(key)));
        await document.SaveAsync(signed);
        LogSigned(key.CommonName, signed.Length);
        return new SignedPdf(signed.ToArray(), key.CommonName, request.SignedAt);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Signed a PDF of {Bytes} bytes as {Signer}")]
    private partial void LogSigned(string signer, long bytes);
}
