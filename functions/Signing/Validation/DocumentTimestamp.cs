using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;

namespace Etransactions.Functions.Signing.Validation;

/// <summary>
/// A PAdES document timestamp (ETSI.RFC3161, /Type /DocTimeStamp): an RFC 3161 token whose message imprint is
/// the digest of the signed byte ranges. Its signer is the timestamping authority, its time the token's genTime.
/// </summary>
internal static class DocumentTimestamp
{
    public const string SubFilter = "ETSI.RFC3161";

    public static bool TryVerify(SignedRanges ranges, [NotNullWhen(true)] out CmsVerdict? verdict, [NotNullWhen(false)] out string? problem)
    {
        verdict = null;
        Rfc3161TimestampToken? token;
        try
        {
            _ = Rfc3161TimestampToken.TryDecode(ranges.Cms, out token, out _);
        }
        catch (CryptographicException)
        {
            token = null;
        }

        var cms = token?.AsSignedCms();
        if (token is null || cms is not { SignerInfos.Count: > 0 })
        {
            problem = "The document timestamp cannot be decoded.";
            return false;
        }

        var info = token.TokenInfo;
        var certificate = cms.SignerInfos[0].Certificate;
        // VerifySignatureForData also checks the imprint; checked first here so that a changed document is named as such.
        var integrity = Digests.Matches(info.HashAlgorithmId.Value, info.GetMessageHash().Span, ranges.SignedBytes) == false ? CmsVerdict.Changed
            : certificate is null ? CmsVerdict.NoCertificate
            : !token.VerifySignatureForData(ranges.SignedBytes, out _, cms.Certificates) ? CmsVerdict.DoesNotVerify
            : null;
        verdict = new CmsVerdict(certificate, cms.Certificates, info.Timestamp, integrity);
        problem = null;
        return true;
    }
}
