using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using Etransactions.Functions.Signing;

namespace Etransactions.Functions.Publication.Versions;

/// <summary>
/// The signature of a published version: a detached CMS (CAdES-BES: SHA-256, signing certificate v2 and
/// signing time signed) over the JSON file's bytes, made with the app's signing key, the key that signs
/// converted documents; <c>openssl cms -verify -inform DER -binary -in v1.json.p7s -content v1.json</c> checks it.
/// </summary>
public sealed class ListSignature(ISigningKeySource keys)
{
    public const string ContentType = "application/pkcs7-signature";

    public async Task<byte[]> SignAsync(byte[] json, DateTimeOffset signedAt, CancellationToken cancellation) =>
        CadesSignature.Create(json, await keys.GetAsync(cancellation), signedAt);

    /// <summary>The signer's common name when <paramref name="signature"/> is a valid signature of <paramref name="json"/>; otherwise it throws.</summary>
    public static string SignerOf(byte[] json, byte[] signature)
    {
        var cms = new SignedCms(new ContentInfo(json), detached: true);
        cms.Decode(signature);
        // The signature and the digest of the content; whether the certificate is trusted is the reader's to decide.
        cms.CheckSignature(verifySignatureOnly: true);
        var certificate = cms.SignerInfos[0].Certificate ?? throw new InvalidOperationException("The signature carries no certificate.");
        return certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
    }
}
