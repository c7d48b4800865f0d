using System.Security.Cryptography;
using System.Text;

namespace Etransactions.Functions.ApiKeys;

/// <summary>
/// API keys of agencies and platforms: <c>eta.{agencyCode}.{secret}</c> and <c>etp.{platformId}.{secret}</c>.
/// Only the SHA-256 of a key is stored; the owner named in the key says which stored hashes to compare it
/// with, in constant time. The secret is 32 random bytes, base64url.
/// </summary>
public static class ApiKey
{
    public const string AgencyPrefix = "eta";
    public const string PlatformPrefix = "etp";

    public static (string Key, byte[] Hash) New(string prefix, string owner)
    {
        var key = $"{prefix}.{owner}.{Base64Url(RandomNumberGenerator.GetBytes(32))}";
        return (key, Hash(key));
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>The prefix and owner a key claims, or null for anything that is not such a key.</summary>
    public static (string Prefix, string Owner)? Claimed(string key)
    {
        var parts = key.Split('.');
        // Owners (agency codes) may hold dots themselves: the prefix is first, the secret last.
        if (parts.Length < 3 || parts[0] is not (AgencyPrefix or PlatformPrefix) || parts[^1].Length == 0)
        {
            return null;
        }
        var owner = string.Join('.', parts[1..^1]);
        return owner.Length == 0 ? null : (parts[0], owner);
    }

    public static bool SameHash(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) => CryptographicOperations.FixedTimeEquals(a, b);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
