using System.Diagnostics.CodeAnalysis;
using System.Formats.Asn1;

namespace Etransactions.Functions.Signing.Validation;

/// <summary>
/// What a /ByteRange [r0 r1 r2 r3] names in the file: the signed bytes, file[r0..r0+r1] and file[r2..r2+r3],
/// and the gap between them, which is the /Contents string "&lt;hex&gt;" holding the CMS, zero-padded to the
/// room the signer reserved. Taken from the file's bytes themselves, not from a PDF library's reading of them.
/// </summary>
internal sealed record SignedRanges(byte[] SignedBytes, byte[] Cms, bool CoversWholeDocument)
{
    public static bool TryRead(ReadOnlySpan<byte> file, IReadOnlyList<long>? byteRange, [NotNullWhen(true)] out SignedRanges? ranges, [NotNullWhen(false)] out string? problem)
    {
        ranges = null;
        if (byteRange is not [var start, var length, var secondStart, var secondLength])
        {
            problem = "The signature has no /ByteRange of four integers.";
            return false;
        }

        var gapStart = start + length;
        if (start < 0 || length < 0 || secondLength < 0 || secondStart < gapStart + 2 || secondStart + secondLength > file.Length)
        {
            problem = "The signature's byte ranges do not lie within the file.";
            return false;
        }

        var gap = file[(int)gapStart..(int)secondStart];
        if (gap[0] != '<' || gap[^1] != '>' || Hex(gap[1..^1]) is not { } contents)
        {
            problem = "The signature's /Contents between its byte ranges is not a hexadecimal string.";
            return false;
        }

        if (!TryCutPadding(contents, out var cms))
        {
            problem = "The signature's /Contents holds no CMS.";
            return false;
        }

        var signed = new byte[length + secondLength];
        file.Slice((int)start, (int)length).CopyTo(signed);
        file.Slice((int)secondStart, (int)secondLength).CopyTo(signed.AsSpan((int)length));
        ranges = new SignedRanges(signed, cms, CoversWholeFile(file.Length, byteRange));
        problem = null;
        return true;
    }

    /// <summary>Whether the ranges start at the file's start and end at its end: nothing was added after signing. Told of an unreadable signature too.</summary>
    public static bool CoversWholeFile(int fileLength, IReadOnlyList<long>? byteRange) =>
        byteRange is [0, var length, var secondStart, var secondLength] && length >= 0 && secondStart >= length && secondLength >= 0 && secondStart + secondLength == fileLength;

    // A PDF hex string may hold white space, and an odd count of digits ends with a 0 (ISO 32000-1 7.3.4.3).
    private static byte[]? Hex(ReadOnlySpan<byte> text)
    {
        var bytes = new byte[(text.Length + 1) / 2];
        var digits = 0;
        foreach (var character in text)
        {
            if (character is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t' or (byte)'\f' or 0)
            {
                continue;
            }

            var value = HexValue(character);
            if (value < 0)
            {
                return null;
            }

            bytes[digits / 2] |= (byte)(digits % 2 == 0 ? value << 4 : value);
            digits++;
        }

        return bytes[..((digits + 1) / 2)];
    }

    private static int HexValue(byte character) => character switch
    {
        >= (byte)'0' and <= (byte)'9' => character - '0',
        >= (byte)'a' and <= (byte)'f' => character - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => character - 'A' + 10,
        _ => -1,
    };

    // The signer reserves room and pads the CMS with zeros: its own DER (or BER) length says where it ends.
    private static bool TryCutPadding(byte[] contents, [NotNullWhen(true)] out byte[]? cms)
    {
        try
        {
            AsnDecoder.ReadEncodedValue(contents, AsnEncodingRules.BER, out _, out _, out var length);
            cms = contents[..length];
            return true;
        }
        catch (AsnContentException)
        {
            cms = null;
            return false;
        }
    }
}
