using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Etransactions.Functions.Signing;

/// <summary>
/// The ESS signing-certificate-v2 attribute (RFC 5035), which PAdES requires among the signed attributes: it
/// binds the signature to one certificate by its SHA-256 hash and its issuer and serial number, so that a
/// certificate with the same key cannot be swapped in. SignedCms has no type for it, so its DER is written here.
/// </summary>
public static class SigningCertificateV2
{
    public const string Oid = "1.2.840.113549.1.9.16.2.47";

    public static AsnEncodedData For(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence()) // SigningCertificateV2
        using (writer.PushSequence()) // certs: SEQUENCE OF ESSCertIDv2, the signing certificate only
        using (writer.PushSequence()) // ESSCertIDv2; hashAlgorithm left out: SHA-256 is its default
        {
            writer.WriteOctetString(SHA256.HashData(certificate.RawData));
            using (writer.PushSequence()) // IssuerSerial
            {
                using (writer.PushSequence()) // GeneralNames
                using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true))) // directoryName
                {
                    // The issuer's own bytes, not a re-encoding: Vietnamese names must match byte for byte.
                    writer.WriteEncodedValue(certificate.IssuerName.RawData);
                }

                writer.WriteInteger(certificate.SerialNumberBytes.Span);
            }
        }

        return new AsnEncodedData(Oid, writer.Encode());
    }
}
