using System.Security.Cryptography;
using System.Text;

namespace Etransactions.Functions.Platforms.Keys;

/// <summary>
/// A new API key kept for its one replay, sealed with the Idempotency-Key that asked for it: AES-256-GCM under a
/// key derived from the Idempotency-Key by HKDF-SHA256 (a random salt per seal, the platform id bound in).
/// The Idempotency-Key is never stored (only its SHA-256 names the row), so what is stored cannot be opened
/// without the header the caller sends again, and the app needs no secret of its own for it.
/// </summary>
internal static class SealedKey
{
    private const int SaltBytes = 16;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public static byte[] Seal(string apiKey, string idempotencyKey, string platformId)
    {
        var plain = Encoding.UTF8.GetBytes(apiKey);
        var sealedKey = new byte[SaltBytes + NonceBytes + TagBytes + plain.Length];
        var salt = sealedKey.AsSpan(0, SaltBytes);
        var nonce = sealedKey.AsSpan(SaltBytes, NonceBytes);
        RandomNumberGenerator.Fill(salt);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(Key(idempotencyKey, platformId, salt), TagBytes);
        aes.Encrypt(nonce, plain, sealedKey.AsSpan(SaltBytes + NonceBytes + TagBytes), sealedKey.AsSpan(SaltBytes + NonceBytes, TagBytes));
        return sealedKey;
    }

    /// <summary>The API key, or null when the seal does not open with this Idempotency-Key.</summary>
    public static string? Open(byte[] sealedKey, string idempotencyKey, string platformId)
    {
        if (sealedKey.Length <= SaltBytes + NonceBytes + TagBytes)
        {
            return null;
        }
        var plain = new byte[sealedKey.Length - SaltBytes - NonceBytes - TagBytes];
        using var aes = new AesGcm(Key(idempotencyKey, platformId, sealedKey.AsSpan(0, SaltBytes)), TagBytes);
        try
        {
            aes.Decrypt(sealedKey.AsSpan(SaltBytes, NonceBytes), sealedKey.AsSpan(SaltBytes + NonceBytes + TagBytes), sealedKey.AsSpan(SaltBytes + NonceBytes, TagBytes), plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
        return Encoding.UTF8.GetString(plain);
    }

    private static byte[] Key(string idempotencyKey, string platformId, ReadOnlySpan<byte> salt)
    {
        var key = new byte[32];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(idempotencyKey), key, salt, Encoding.UTF8.GetBytes($"etransactions platform key replay\n{platformId}"));
        return key;
    }
}
