using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Etransactions.Functions.Signing;

/// <summary>
/// The CMS of a PAdES baseline B-B signature (ETSI.CAdES.detached): detached SignedData over the signed
/// byte ranges, SHA-256, the signer named by issuer and serial number, the signed attributes content type,
/// message digest and signing-certificate-v2, and no signing-time attribute (PAdES keeps the time in the
/// signature dictionary's /M). The certificate and its CA certificates go in the certificate bag.
/// A detached signature of a file of its own (no PDF to hold the time) signs the signing-time attribute too.
/// </summary>
public static class CadesSignature
{
    private static readonly Oid Sha256 = new("2.16.840.1.101.3.4.2.1");

    public static byte[] Create(byte[] signedBytes, SigningKey key, DateTimeOffset? signingTime = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        var cms = new SignedCms(new ContentInfo(signedBytes), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, key.Certificate, key.Rsa)
        {
            DigestAlgorithm = Sha256,
            // The chain is added as given: letting SignedCms build it could fetch CA certificates online.
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        foreach (var ca in key.Chain)
        {
            signer.Certificates.Add(ca);
        }

        // SignedCms adds content type and message digest itself once any signed attribute is present.
        signer.SignedAttributes.Add(SigningCertificateV2.For(key.Certificate));
        if (signingTime is { } time)
        {
            signer.SignedAttributes.Add(new Pkcs9SigningTime(time.UtcDateTime));
        }
        cms.ComputeSignature(signer, silent: true);
        return cms.Encode();
    }

    /// <summary>Room to reserve in the PDF for <see cref="Create"/>'s output: the certificates, the signature and the structure around them.</summary>
    public static int SizeFor(SigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        const int Structure = 2048; // attributes, names, algorithm identifiers, with room to spare
        return key.Certificate.RawData.Length + key.Chain.Sum(ca => ca.RawData.Length) + (key.Rsa.KeySize / 8) + Structure;
    }
}
