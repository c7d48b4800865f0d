using System.Security.Cryptography;

namespace Etransactions.Functions.Publication.Versions;

/// <summary>One file of a published version: its name in the container, SHA-256 (lowercase hex) and size.</summary>
public sealed record PublishedFile(string Name, string Sha256, long Bytes)
{
    public static PublishedFile Of(string name, ReadOnlySpan<byte> content) =>
        new(name, Convert.ToHexStringLower(SHA256.HashData(content)), content.Length);

    /// <summary>Whether <paramref name="content"/> is this file, byte for byte.</summary>
    public bool Matches(ReadOnlySpan<byte> content) =>
        content.Length == Bytes && Convert.ToHexStringLower(SHA256.HashData(content)) == Sha256;
}
