using System.Security.Cryptography.X509Certificates;

namespace Etransactions.Functions.Signing.Validation;

/// <summary>What the CMS of one signature says of the signed bytes.</summary>
/// <param name="Certificate">The signing certificate, found in the CMS's certificate bag; null when it is not there.</param>
/// <param name="Certificates">The bag, which also holds the CA certificates a chain can be built with.</param>
/// <param name="SigningTime">The time the CMS itself holds (signing-time attribute, or a timestamp's genTime), or null.</param>
/// <param name="IntegrityProblem">Why the digest or the signature does not verify; null when both do.</param>
internal sealed record CmsVerdict(X509Certificate2? Certificate, X509Certificate2Collection Certificates, DateTimeOffset? SigningTime, string? IntegrityProblem)
{
    public const string Changed = "The signed bytes were changed after signing: their digest does not match.";
    public const string NoCertificate = "The signing certificate is not in the signature, so it cannot be verified.";
    public const string DoesNotVerify = "The signature does not verify with the signing certificate's key.";

    public bool IntegrityIntact => IntegrityProblem is null;
}
