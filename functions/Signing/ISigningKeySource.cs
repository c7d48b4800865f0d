namespace Etransactions.Functions.Signing;

/// <summary>
/// Where the signing key comes from: a PKCS#12 file, a generated development certificate, or Key Vault.
/// Nothing is loaded until the first document is signed, so an upload that is rejected never touches a key.
/// </summary>
public interface ISigningKeySource
{
    Task<SigningKey> GetAsync(CancellationToken cancellation);
}
