using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core.Pipeline;

namespace Etransactions.IntegrationTests.Conversion.Ocr;

/// <summary>
/// A certificate for 127.0.0.1 made at test time, and a transport that trusts it and nothing else: the
/// engine sends bearer tokens over https only, and its production transport validates certificates as usual.
/// </summary>
internal static class SelfSignedTls
{
    public static X509Certificate2 Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Through PKCS#12, so the private key is one Kestrel's TLS can use.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>An Azure.Core transport whose TLS takes <paramref name="certificate"/> as its only root: names and dates are still checked.</summary>
    public static HttpClientTransport TrustingOnly(X509Certificate2 certificate)
    {
        var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
        policy.CustomTrustStore.Add(certificate);
#pragma warning disable CA2000 // The transport owns the handler for the test's lifetime.
        var handler = new SocketsHttpHandler { SslOptions = { CertificateChainPolicy = policy } };
#pragma warning restore CA2000
        return new HttpClientTransport(handler);
    }
}
