using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Etransactions.Functions.Signing.Validation;

/// <summary>
/// The signature dictionaries of a file PDFsharp cannot open, found by their /ByteRange in its text. A signature
/// dictionary is never inside a compressed object stream (its byte offsets are signed), so its entries are
/// plain text; /SubFilter and /M are read from the same object, the field's name is not looked for.
/// </summary>
internal static partial class ByteRangeScan
{
    public static IReadOnlyList<SignatureDictionary> Find(ReadOnlySpan<byte> file)
    {
        // Latin-1 maps each byte to one char, so text indexes are file offsets.
        var text = Encoding.Latin1.GetString(file);
        var found = new List<SignatureDictionary>();
        foreach (Match match in ByteRange().Matches(text))
        {
            var range = match.Groups.Values.Skip(1).Select(group => long.TryParse(group.Value, CultureInfo.InvariantCulture, out var value) ? value : -1).ToArray();
            if (found.Any(other => other.ByteRange!.SequenceEqual(range)))
            {
                continue; // the same dictionary written again by a later update
            }

            var body = EnclosingObject(text, match.Index);
            found.Add(new SignatureDictionary(
                null,
                SubFilter().Match(body) is { Success: true } subFilter ? subFilter.Groups[1].Value : null,
                range,
                SigningTime().Match(body) is { Success: true } time ? time.Groups[1].Value : null));
        }

        return found;
    }

    // From the end of the previous object to the end of this one: the signature dictionary and nothing of another.
    private static string EnclosingObject(string text, int at)
    {
        var start = text.LastIndexOf("endobj", at, StringComparison.Ordinal);
        var end = text.IndexOf("endobj", at, StringComparison.Ordinal);
        return text[Math.Max(start, 0)..(end < 0 ? text.Length : end)];
    }

    [GeneratedRegex(@"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")]
    private static partial Regex ByteRange();

    [GeneratedRegex(@"/SubFilter\s*/([^\s/<>\[\]()%]+)")]
    private static partial Regex SubFilter();

    [GeneratedRegex(@"/M\s*\((D:[^)]*)\)")]
    private static partial Regex SigningTime();
}
