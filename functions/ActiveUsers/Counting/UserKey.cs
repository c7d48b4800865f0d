using System.Buffers.Text;

namespace Etransactions.Functions.ActiveUsers.Counting;

/// <summary>
/// A user as the counting keeps one: the first 64 bits of the 64-hex-character keyed hash a platform sends.
/// The hashes are already uniform, so those bits are used as they are; two users share a key with
/// probability about n²/2⁶⁵ (at 20 million users a month, one chance in about 90,000 that any two do).
/// </summary>
public static class UserKey
{
    public const int HexLength = 64;

    /// <summary>The key of a user field given as UTF-8, when it is exactly 64 hexadecimal digits.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out ulong key)
    {
        key = 0;
        if (utf8.Length != HexLength)
        {
            return false;
        }
        foreach (var digit in utf8)
        {
            if (!IsHex(digit))
            {
                return false;
            }
        }
        return Utf8Parser.TryParse(utf8[..16], out key, out var consumed, 'X') && consumed == 16;
    }

    /// <summary>The key of a user field given as text, when it is exactly 64 hexadecimal digits.</summary>
    public static bool TryParse(string? text, out ulong key)
    {
        key = 0;
        if (text is not { Length: HexLength })
        {
            return false;
        }
        // Anything outside ASCII is no hex digit: narrowed, it still fails the check of the UTF-8 overload.
        Span<byte> utf8 = stackalloc byte[HexLength];
        for (var i = 0; i < HexLength; i++)
        {
            utf8[i] = text[i] < 128 ? (byte)text[i] : (byte)0;
        }
        return TryParse(utf8, out key);
    }

    private static bool IsHex(byte c) => c is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';
}
