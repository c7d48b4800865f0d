using System.Security.Cryptography.X509Certificates;

namespace Etransactions.Functions.Signing.Validation;

/// <summary>What the verification page says of the signing certificate: who, whether trusted, whether valid then.</summary>
internal static class SignerCertificate
{
    private const string CommonNameOid = "2.5.4.3";

    /// <summary>The subject's common name, or the whole subject when it has none.</summary>
    public static string Name(X509Certificate2 certificate) =>
        certificate.SubjectName.EnumerateRelativeDistinguishedNames()
            .Where(name => !name.HasMultipleElements && name.GetSingleElementType().Value == CommonNameOid)
            .Select(name => name.GetSingleElementValue())
            .FirstOrDefault(name => !string.IsNullOrWhiteSpace(name))
        ?? certificate.Subject;

    public static bool WasValidAt(X509Certificate2 certificate, DateTimeOffset at) =>
        certificate.NotBefore.ToUniversalTime() <= at.UtcDateTime && at.UtcDateTime <= certificate.NotAfter.ToUniversalTime();

    /// <summary>
    /// Whether the chain builds to one of <paramref name="roots"/> as it stood at <paramref name="at"/>, the signing
    /// time: a certificate that expired since still made a trusted signature. Offline: no revocation lists, no
    /// downloads of missing CA certificates; those the signature carries are used.
    /// </summary>
    public static bool IsTrusted(X509Certificate2 certificate, X509Certificate2Collection carried, IReadOnlyCollection<X509Certificate2> roots, DateTimeOffset at)
    {
        if (roots.Count == 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.DisableCertificateDownloads = true;
        policy.VerificationTime = at.UtcDateTime;
        foreach (var root in roots)
        {
            policy.CustomTrustStore.Add(root);
        }

        policy.ExtraStore.AddRange(carried);
        try
        {
            return chain.Build(certificate);
        }
        finally
        {
            // The chain's elements are copies made for it: released now rather than by the finalizer.
            foreach (var element in chain.ChainElements)
            {
                element.Certificate.Dispose();
            }
        }
    }
}
