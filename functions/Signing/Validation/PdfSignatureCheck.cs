namespace Etransactions.Functions.Signing.Validation;

/// <summary>What was found of one signature of a PDF, kept with the document and shown on the verification page.</summary>
/// <param name="Field">The signature field's name (/T), or null.</param>
/// <param name="SubFilter">e.g. "ETSI.CAdES.detached" or "adbe.pkcs7.detached".</param>
/// <param name="Signer">The signing certificate's subject common name (or the full subject when no CN), null when unreadable.</param>
/// <param name="SignerSubject">The signing certificate's full subject, null when unreadable.</param>
/// <param name="SignedAt">From the CMS signing-time attribute, else the signature dictionary's /M; null when neither.</param>
/// <param name="CoversWholeDocument">The signed byte ranges end at the end of the file (nothing appended since).</param>
/// <param name="IntegrityIntact">The digest over the byte ranges matches and the CMS signature verifies with the certificate's key.</param>
/// <param name="CertificateTrusted">The signer's chain builds (X509Chain, custom root trust, no online revocation: X509RevocationMode.NoCheck, certificates from the CMS bag as ExtraStore) to one of trustedRoots.</param>
/// <param name="CertificateValidAtSigning">SignedAt (or now when unknown) lies within the certificate's NotBefore..NotAfter.</param>
/// <param name="Status">Valid when the integrity holds and the certificate was valid at signing; trust and coverage are told apart.</param>
/// <param name="Reason">Why it is not Valid, one short English sentence; null when Valid.</param>
public sealed record PdfSignatureCheck(
    string? Field,
    string? SubFilter,
    string? Signer,
    string? SignerSubject,
    DateTimeOffset? SignedAt,
    bool CoversWholeDocument,
    bool IntegrityIntact,
    bool CertificateTrusted,
    bool CertificateValidAtSigning,
    SignatureStatus Status,
    string? Reason);
