using Microsoft.Extensions.Logging;

namespace Etransactions.Functions.Signing.KeyVault;

/// <summary>
/// The certificate SIGNING_CERTIFICATE_NAME of the vault SIGNING_KEY_VAULT_URI, read at the first signature
/// and again an hour later, so that a renewed certificate is taken up without a restart; its key signs in the vault.
/// Only the certificate itself goes in the signature: the vault's <c>cer</c> holds no chain.
/// </summary>
public sealed partial class KeyVaultSigningKeys(
    KeyVaultClient client, string certificateName, TimeProvider time, ILogger<KeyVaultSigningKeys> logger) : ISigningKeySource, IDisposable
{
    private static readonly TimeSpan RereadAfter = TimeSpan.FromHours(1);

    private readonly SemaphoreSlim _reading = new(1, 1);
    // A reference, replaced whole, so that readers outside the semaphore never see half of it.
    private Reading? _current;

    public async Task<SigningKey> GetAsync(CancellationToken cancellation)
    {
        var certificate = Fresh() ?? await ReadAsync(cancellation);
        return new SigningKey(certificate.Certificate, [], new KeyVaultRsa(client, certificate, cancellation));
    }

    public void Dispose() => _reading.Dispose();

    private VaultCertificate? Fresh() =>
        _current is { } current && time.GetUtcNow() - current.ReadAt < RereadAfter ? current.Certificate : null;

    private async Task<VaultCertificate> ReadAsync(CancellationToken cancellation)
    {
        await _reading.WaitAsync(cancellation);
        try
        {
            if (Fresh() is { } read)
            {
                return read;
            }

            var certificate = await client.GetCertificateAsync(certificateName, cancellation);
            _current = new Reading(certificate, time.GetUtcNow());
            LogRead(certificateName, client.Vault, certificate.Certificate.Subject, certificate.KeyId);
            return certificate;
        }
        finally
        {
            _reading.Release();
        }
    }

    private sealed record Reading(VaultCertificate Certificate, DateTimeOffset ReadAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Read signing certificate {CertificateName} from {Vault}: {Subject}, key {KeyId}")]
    private partial void LogRead(string certificateName, Uri vault, string subject, Uri keyId);
}
