using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Etransactions.Functions.Conversion.Messages;
using Etransactions.Functions.Conversion.PaperCopies;
using Etransactions.Functions.Conversion.Storage;
using Etransactions.Functions.Signing;
using Etransactions.Functions.Signing.Validation;

namespace Etransactions.Functions.Conversion.Verification;

/// <summary>
/// Finds what the verification page shows of a code: the stored data message, its manifest, the paper copies
/// issued from it, and its signatures checked now against the stored bytes (what was true at storage is not
/// proof of what is stored today). The system trusts the certificates its own signing key chains to.
/// </summary>
public sealed class VerificationLookup(ConversionRegistry registry, ConversionStore store, PaperCopyStore copies, ISigningKeySource keys, TimeProvider clock)
{
    public async Task<VerifiedMessage?> FindAsync(LookupCode code, CancellationToken cancellation)
    {
        if (await registry.GetDataMessageAsync(code.Canonical, cancellation) is not { State: DataMessageState.Stored, PdfPath: not null, ManifestPath: not null } record)
        {
            return null;
        }
        var pdf = await store.ReadDataMessageFileAsync(record.PdfPath, cancellation);
        var manifestFile = await store.ReadDataMessageFileAsync(record.ManifestPath, cancellation);
        if (pdf is null || manifestFile is null || JsonNode.Parse(manifestFile.ToString()) is not JsonObject manifest)
        {
            return null;
        }
        var bytes = pdf.ToArray();
        var converted = manifest["kind"]?.GetValue<string>() is null or "converted";
        var signatures = PdfSignatureValidator.Validate(bytes, (await keys.GetAsync(cancellation)).TrustedRoots, clock.GetUtcNow());
        var issued = await copies.IssuedAsync(code.Canonical, cancellation);
        return new VerifiedMessage(
            code.Display,
            converted,
            manifest["title"]?.GetValue<string>(),
            manifest["issuer"]?.GetValue<string>(),
            record.ConvertedAt,
            manifest["converter"]?.GetValue<string>(),
            manifest["registerNumber"]?.GetValue<string>(),
            record.PageCount ?? 0,
            Convert.ToHexStringLower(SHA256.HashData(bytes)),
            bytes.LongLength,
            converted ? record.SourceSha256 : null,
            signatures,
            [.. issued.Where(copy => copy.Number is not null).Select(copy => new IssuedCopy(copy.Number!, copy.IssuedAt))]);
    }
}
