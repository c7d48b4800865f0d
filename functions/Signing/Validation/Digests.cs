using System.Security.Cryptography;

namespace Etransactions.Functions.Signing.Validation;

/// <summary>The digest algorithms signatures are made with, by OID, to tell a changed document from a bad signature.</summary>
internal static class Digests
{
    public const string Sha1 = "1.3.14.3.2.26";

    /// <summary>Whether <paramref name="expected"/> is the digest of <paramref name="content"/>; null for an algorithm not known here.</summary>
    public static bool? Matches(string? algorithm, ReadOnlySpan<byte> expected, byte[] content)
    {
        HashAlgorithmName? name = algorithm switch
        {
            Sha1 => HashAlgorithmName.SHA1,
            "2.16.840.1.101.3.4.2.1" => HashAlgorithmName.SHA256,
            "2.16.840.1.101.3.4.2.2" => HashAlgorithmName.SHA384,
            "2.16.840.1.101.3.4.2.3" => HashAlgorithmName.SHA512,
            _ => null,
        };
        return name is { } known ? CryptographicOperations.FixedTimeEquals(CryptographicOperations.HashData(known, content), expected) : null;
    }
}
