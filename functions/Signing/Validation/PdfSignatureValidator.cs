using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography.X509Certificates;

namespace Etransactions.Functions.Signing.Validation;

/// <summary>
/// Validates the existing signatures of a PDF (PAdES and PKCS#7 signatures, document timestamps), so that the
/// result can be kept with the document and told in words: who signed, when, and whether the file is unchanged
/// since. Offline: the signer's chain is built from the certificates the signature carries to the roots given.
/// </summary>
public static class PdfSignatureValidator
{
    /// <summary>
    /// Every signature of the PDF, in file order. Never throws for a bad signature: a signature that cannot be read is
    /// reported with Status Malformed and a reason. An unsigned PDF gives an empty list.
    /// </summary>
    public static IReadOnlyList<PdfSignatureCheck> Validate(ReadOnlyMemory<byte> pdf, IReadOnlyCollection<X509Certificate2> trustedRoots, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(trustedRoots);
        return [.. SignatureDictionaries.Find(pdf)
            .OrderBy(signature => signature.Position)
            .Select(signature => Check(pdf.Span, signature, trustedRoots, now))];
    }

    private static PdfSignatureCheck Check(ReadOnlySpan<byte> file, SignatureDictionary signature, IReadOnlyCollection<X509Certificate2> roots, DateTimeOffset now)
    {
        var claimedTime = PdfDates.Parse(signature.SigningTime);
        if (!SignedRanges.TryRead(file, signature.ByteRange, out var ranges, out var problem))
        {
            return Malformed(signature, claimedTime, SignedRanges.CoversWholeFile(file.Length, signature.ByteRange), problem);
        }

        if (!TryVerify(ranges, signature.SubFilter, out var verdict, out problem))
        {
            return Malformed(signature, claimedTime, ranges.CoversWholeDocument, problem);
        }

        // The CMS's own time is signed with it; /M is only the signer's claim beside it.
        var signedAt = verdict.SigningTime ?? claimedTime;
        var at = signedAt ?? now;
        var certificate = verdict.Certificate;
        var trusted = certificate is not null && SignerCertificate.IsTrusted(certificate, verdict.Certificates, roots, at);
        var validThen = certificate is not null && SignerCertificate.WasValidAt(certificate, at);
        var reason = verdict.IntegrityProblem ?? (validThen ? null : NotValidThen(certificate, at));
        return new PdfSignatureCheck(
            signature.Field,
            signature.SubFilter,
            certificate is null ? null : SignerCertificate.Name(certificate),
            certificate?.Subject,
            signedAt,
            ranges.CoversWholeDocument,
            verdict.IntegrityIntact,
            trusted,
            validThen,
            reason is null ? SignatureStatus.Valid : SignatureStatus.Invalid,
            reason);
    }

    private static bool TryVerify(SignedRanges ranges, string? subFilter, [NotNullWhen(true)] out CmsVerdict? verdict, [NotNullWhen(false)] out string? problem) =>
        subFilter == DocumentTimestamp.SubFilter
            ? DocumentTimestamp.TryVerify(ranges, out verdict, out problem)
            : CmsSignature.TryVerify(ranges, subFilter, out verdict, out problem);

    private static string NotValidThen(X509Certificate2? certificate, DateTimeOffset at) =>
        certificate is null ? CmsVerdict.NoCertificate
        : at.UtcDateTime < certificate.NotBefore.ToUniversalTime() ? "The signing certificate was not yet valid at the signing time."
        : "The signing certificate had expired at the signing time.";

    private static PdfSignatureCheck Malformed(SignatureDictionary signature, DateTimeOffset? claimedTime, bool coversWholeDocument, string reason) =>
        new(signature.Field, signature.SubFilter, null, null, claimedTime, coversWholeDocument, false, false, false, SignatureStatus.Malformed, reason);
}
