using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Etransactions.Functions.Signing;

/// <summary>
/// A PKCS#12 (.p12, .pfx) file holding one RSA private key with its certificate, and possibly the CA
/// certificates above it. The checks come apart so that a bad setting can be named: not such a file, a
/// password that does not open it, or no key to sign with.
/// </summary>
public static class Pkcs12File
{
    private const string RsaOid = "1.2.840.113549.1.1.1";

    public static bool IsPkcs12(byte[] bytes)
    {
        try
        {
            _ = Pkcs12Info.Decode(bytes, out _, skipCopy: true);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>Whether the password checks against the file's integrity MAC; a file without one cannot tell.</summary>
    public static bool Opens(byte[] bytes, string? password)
    {
        var info = Pkcs12Info.Decode(bytes, out _, skipCopy: true);
        if (info.IntegrityMode != Pkcs12IntegrityMode.Password)
        {
            return true;
        }

        // No password may have been written as an empty one or as none at all.
        return string.IsNullOrEmpty(password) ? info.VerifyMac(null) || info.VerifyMac("") : info.VerifyMac(password);
    }

    /// <exception cref="CryptographicException">The password does not open the file.</exception>
    /// <exception cref="InvalidDataException">The file holds no RSA key with its certificate, or more than one.</exception>
    public static SigningKey Load(byte[] bytes, string? password)
    {
        var certificates = X509CertificateLoader.LoadPkcs12Collection(bytes, password, X509KeyStorageFlags.EphemeralKeySet);
        var keyed = certificates.Where(certificate => certificate.HasPrivateKey && certificate.PublicKey.Oid.Value == RsaOid).ToList();
        if (keyed.Count != 1)
        {
            throw new InvalidDataException(keyed.Count == 0
                ? "the PKCS#12 file holds no RSA private key with its certificate"
                : $"the PKCS#12 file holds {keyed.Count} RSA keys with certificates; it must hold one");
        }

        var certificate = keyed[0];
        var chain = certificates.Where(other => !ReferenceEquals(other, certificate)).ToList();
        return new SigningKey(certificate, chain, certificate.GetRSAPrivateKey()!);
    }
}
