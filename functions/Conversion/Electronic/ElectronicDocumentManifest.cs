using System.Text.Json;
using Etransactions.Functions.Conversion.Messages;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Signing.Validation;

namespace Etransactions.Functions.Conversion.Electronic;

/// <summary>
/// The manifest stored beside an electronic document kept as a data message
/// (<c>data-messages/{agencyCode}/{messageId}.json</c>), schema <c>etransactions.electronic-document-manifest/1</c>:
/// what the uploader said of it, its hash, and its signatures as checked when it was stored.
/// </summary>
public sealed record ElectronicDocumentManifest(
    string Schema,
    string Kind,
    string MessageId,
    string LookupCode,
    string AgencyCode,
    string Title,
    string Issuer,
    Instant StoredAt,
    ManifestSource Source,
    ManifestOutput Output,
    IReadOnlyList<ManifestSignatureCheck> Signatures)
{
    public const string SchemaName = "etransactions.electronic-document-manifest/1";
    public const string ElectronicKind = "electronic";

    private static readonly JsonSerializerOptions Written = new(AppJson.Options) { WriteIndented = true, IndentSize = 2 };

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Written).Concat("\n"u8.ToArray()).ToArray();
}

/// <summary>One signature as checked at storage.</summary>
public sealed record ManifestSignatureCheck(string Status, string? Signer, string? SignedAt, bool CoversWholeDocument, bool IntegrityIntact, bool CertificateTrusted, bool CertificateValidAtSigning, string? Reason)
{
    public static ManifestSignatureCheck Of(PdfSignatureCheck check) => new(
        check.Status.ToString().ToLowerInvariant(), check.Signer, check.SignedAt is { } at ? Core.IsoTime.Format(at) : null,
        check.CoversWholeDocument, check.IntegrityIntact, check.CertificateTrusted, check.CertificateValidAtSigning, check.Reason);
}
