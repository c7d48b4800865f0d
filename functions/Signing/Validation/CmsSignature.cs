using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;

namespace Etransactions.Functions.Signing.Validation;

/// <summary>
/// The CMS of a signature: detached over the signed byte ranges (adbe.pkcs7.detached, ETSI.CAdES.detached), or,
/// for the old adbe.pkcs7.sha1, holding the ranges' SHA-1 as its content. Its first signer's signature is checked
/// with the key of the certificate the CMS carries. The signing time is its signing-time attribute when present;
/// the app's own PAdES signatures leave that out and keep the time in /M.
/// </summary>
internal static class CmsSignature
{
    public const string Sha1SubFilter = "adbe.pkcs7.sha1";

    private const string SigningTimeOid = "1.2.840.113549.1.9.5";
    private const string MessageDigestOid = "1.2.840.113549.1.9.4";

    public static bool TryVerify(SignedRanges ranges, string? subFilter, [NotNullWhen(true)] out CmsVerdict? verdict, [NotNullWhen(false)] out string? problem)
    {
        verdict = null;
        var embedsDigest = subFilter == Sha1SubFilter;
        var cms = embedsDigest ? new SignedCms() : new SignedCms(new ContentInfo(ranges.SignedBytes), detached: true);
        try
        {
            cms.Decode(ranges.Cms);
        }
        catch (CryptographicException)
        {
            problem = "The signature's CMS cannot be decoded.";
            return false;
        }

        if (cms.SignerInfos.Count == 0)
        {
            problem = "The signature's CMS names no signer.";
            return false;
        }

        var signer = cms.SignerInfos[0];
        var certificate = signer.Certificate;
        string? integrity = null;
        try
        {
            cms.CheckSignature(verifySignatureOnly: true);
            if (embedsDigest && Digests.Matches(Digests.Sha1, cms.ContentInfo.Content, ranges.SignedBytes) != true)
            {
                integrity = CmsVerdict.Changed;
            }
        }
        catch (CryptographicException)
        {
            integrity = certificate is null ? CmsVerdict.NoCertificate
                : !embedsDigest && DigestMatches(signer, ranges.SignedBytes) == false ? CmsVerdict.Changed
                : CmsVerdict.DoesNotVerify;
        }

        verdict = new CmsVerdict(certificate, cms.Certificates, SigningTime(signer), integrity);
        problem = null;
        return true;
    }

    private static bool? DigestMatches(SignerInfo signer, byte[] content)
    {
        if (Attribute(signer, MessageDigestOid) is not { } attribute)
        {
            return null;
        }

        var digest = new Pkcs9MessageDigest();
        digest.CopyFrom(attribute);
        return Digests.Matches(signer.DigestAlgorithm.Value, digest.MessageDigest, content);
    }

    private static DateTimeOffset? SigningTime(SignerInfo signer)
    {
        if (Attribute(signer, SigningTimeOid) is not { } attribute)
        {
            return null;
        }

        try
        {
            // The attribute's UTCTime or GeneralizedTime is UTC.
            return new DateTimeOffset(DateTime.SpecifyKind(new Pkcs9SigningTime(attribute.RawData).SigningTime, DateTimeKind.Utc));
        }
        catch (CryptographicException)
        {
            return null; // an unreadable time is no time: /M is used instead
        }
    }

    private static AsnEncodedData? Attribute(SignerInfo signer, string oid) =>
        signer.SignedAttributes.Cast<CryptographicAttributeObject>()
            .Where(attribute => attribute.Oid.Value == oid)
            .SelectMany(attribute => attribute.Values.Cast<AsnEncodedData>())
            .FirstOrDefault();
}
