using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Etransactions.Functions.Signing;

namespace Etransactions.IntegrationTests.Signing;

/// <summary>Signing certificates with Vietnamese names, as agencies' certificates carry them, made with CertificateRequest.</summary>
internal static class TestCertificates
{
    public const string Agency = "Sở Tư pháp thành phố Hà Nội";

    /// <summary>A self-signed certificate for <paramref name="commonName"/>, with its private key.</summary>
    public static X509Certificate2 SelfSigned(string commonName) =>
        SelfSigned(commonName, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(2));

    /// <summary>A self-signed certificate valid from <paramref name="notBefore"/> to <paramref name="notAfter"/>: one that has expired, or is not yet valid.</summary>
    public static X509Certificate2 SelfSigned(string commonName, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var rsa = RSA.Create(2048);
        return Leaf(commonName, rsa).CreateSelfSigned(notBefore, notAfter);
    }

    /// <summary>A certification authority and a certificate it issued to <paramref name="commonName"/> (with its key).</summary>
    public static (X509Certificate2 Ca, X509Certificate2 Leaf) IssuedByCa(string commonName, string caName)
    {
        using var caKey = RSA.Create(2048);
        var caName500 = Name(caName, "Cục Chứng thực số và Bảo mật thông tin (thử nghiệm)");
        var caRequest = new CertificateRequest(caName500, caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, critical: true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, critical: false));
        var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-2), DateTimeOffset.UtcNow.AddYears(5));

        using var key = RSA.Create(2048);
        var request = Leaf(commonName, key);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        using var issued = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(2), [0x01, 0x23, 0x45, 0x67, 0x89]);
        return (ca, issued.CopyWithPrivateKey(key));
    }

    /// <summary>A .p12 file's bytes: the certificate with its key, and the CA certificates beside it.</summary>
    public static byte[] Pkcs12(X509Certificate2 certificate, string password, params X509Certificate2[] cas)
    {
        var bag = new X509Certificate2Collection(certificate);
        foreach (var ca in cas)
        {
            // Without its key: a .p12 from a CA carries the issuer's certificate only.
            bag.Add(X509CertificateLoader.LoadCertificate(ca.RawData));
        }

        return bag.Export(X509ContentType.Pkcs12, password)!;
    }

    /// <summary>The key of a certificate made here, as the signer reads it from a file.</summary>
    public static SigningKey Key(X509Certificate2 certificate, params X509Certificate2[] cas) =>
        Pkcs12File.Load(Pkcs12(certificate, "mật khẩu", cas), "mật khẩu");

    private static CertificateRequest Leaf(string commonName, RSA key)
    {
        var request = new CertificateRequest(Name(commonName, Agency), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        return request;
    }

    private static X500DistinguishedName Name(string commonName, string organization)
    {
        // The builder encodes the last added first: the country comes first in the certificate, as usual.
        var name = new X500DistinguishedNameBuilder();
        name.AddCommonName(commonName);
        name.AddOrganizationName(organization);
        name.AddLocalityName("Hà Nội");
        name.AddCountryOrRegion("VN");
        return name.Build();
    }
}
