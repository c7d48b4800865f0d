using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Etransactions.Functions.Signing.KeyVault;

/// <summary>
/// An RSA key whose private half is in Key Vault: SignedCms builds and encodes the CMS as for a local key and
/// calls <see cref="SignHash(byte[], HashAlgorithmName, RSASignaturePadding)"/> once, with the SHA-256 digest
/// of the signed attributes, which is all that is sent to the vault. One instance per signature, so that the
/// request honours that signature's cancellation.
/// </summary>
internal sealed class KeyVaultRsa : RSA
{
    private readonly KeyVaultClient _client;
    private readonly Uri _keyId;
    private readonly string _certificate;
    private readonly RSAParameters _publicKey;
    private readonly CancellationToken _cancellation;

    public KeyVaultRsa(KeyVaultClient client, VaultCertificate certificate, CancellationToken cancellation)
    {
        using var publicKey = certificate.Certificate.GetRSAPublicKey()
            ?? throw new InvalidOperationException($"Key Vault certificate {certificate.Certificate.Subject} has no RSA key; RS256 signing needs one.");
        _client = client;
        _keyId = certificate.KeyId;
        _certificate = certificate.Certificate.Subject;
        _publicKey = publicKey.ExportParameters(includePrivateParameters: false);
        _cancellation = cancellation;
        KeySizeValue = publicKey.KeySize;
        LegalKeySizesValue = [new KeySizes(KeySizeValue, KeySizeValue, 0)];
    }

    public override byte[] SignHash(byte[] hash, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding)
    {
        if (hashAlgorithm != HashAlgorithmName.SHA256 || padding != RSASignaturePadding.Pkcs1)
        {
            throw new CryptographicException($"Key Vault signs here with RS256 only, not {hashAlgorithm.Name} with {padding}.");
        }

        var signature = _client.SignDigest(_keyId, hash, _cancellation);
        // A vault key that is not the certificate's would make a signature no verifier accepts: say so here.
        if (!VerifyHash(hash, signature, hashAlgorithm, padding))
        {
            throw new InvalidOperationException(
                $"The signature Key Vault made with key {_keyId} does not verify with the certificate {_certificate}: the key is not the certificate's.");
        }

        return signature;
    }

    public override bool VerifyHash(byte[] hash, byte[] signature, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding)
    {
        using var publicKey = Create(_publicKey);
        return publicKey.VerifyHash(hash, signature, hashAlgorithm, padding);
    }

    public override RSAParameters ExportParameters(bool includePrivateParameters) =>
        includePrivateParameters ? throw new CryptographicException("The private key stays in Key Vault.") : _publicKey;

    public override void ImportParameters(RSAParameters parameters) =>
        throw new NotSupportedException("A Key Vault key cannot be replaced.");
}
