namespace Etransactions.Functions.Signing;

/// <summary>
/// Signs a finished PDF with a PAdES baseline B-B signature (CMS, SHA-256, ETSI.CAdES.detached, the
/// signing-certificate-v2 attribute signed, the time in the signature dictionary) covering the whole file.
/// It must be the last change to the PDF: any later save invalidates it.
/// </summary>
public interface IPdfSigner
{
    Task<SignedPdf> SignAsync(byte[] pdf, SignatureRequest request, CancellationToken cancellation);
}

/// <param name="Reason">Why it is signed, e.g. "Converted from a paper document (Decree 137/2024/ND-CP Art. 4)".</param>
/// <param name="SignerName">Shown in the signature dictionary (/Name): the converter's full name.</param>
/// <param name="Location">Where: the agency code.</param>
/// <param name="SignedAt">The signing time, from the app's clock (PAdES keeps it in /M, not in the CMS).</param>
public sealed record SignatureRequest(string Reason, string SignerName, string? Location, DateTimeOffset SignedAt);

/// <param name="Signer">The signing certificate's subject common name.</param>
public sealed record SignedPdf(byte[] Pdf, string Signer, DateTimeOffset SignedAt);
