using System.Text;
using System.Text.RegularExpressions;

namespace Etransactions.Bench.Conversion;

/// <summary>
/// How far text read by OCR is from the known text: NFC, whitespace collapsed to single spaces, then the
/// edit distance (insertions, deletions, substitutions of characters) over the length of the known text,
/// summed over the pages.
/// </summary>
internal static partial class CharacterErrorRate
{
    /// <summary>The rate in percent over every page; a page missing from <paramref name="read"/> counts as read empty.</summary>
    public static double Percent(IReadOnlyList<string> known, IReadOnlyList<string> read)
    {
        var pages = Pages(known, read);
        var length = pages.Sum(page => page.Length);
        // Pages read beyond the known ones are errors too.
        var edits = pages.Sum(page => page.Edits) + read.Skip(known.Count).Sum(extra => Characters(extra).Length);
        return length == 0 ? 0 : 100.0 * edits / length;
    }

    /// <summary>The edits and the known length of each known page.</summary>
    public static IReadOnlyList<(int Edits, int Length)> Pages(IReadOnlyList<string> known, IReadOnlyList<string> read)
    {
        var pages = new List<(int, int)>(known.Count);
        for (var page = 0; page < known.Count; page++)
        {
            var reference = Characters(known[page]);
            pages.Add((Distance(reference, Characters(page < read.Count ? read[page] : "")), reference.Length));
        }
        return pages;
    }

    /// <summary>The text as compared: NFC, runs of whitespace as one space, trimmed, in Unicode scalars.</summary>
    public static Rune[] Characters(string text) =>
        [.. Whitespace().Replace(text.Normalize(NormalizationForm.FormC), " ").Trim().EnumerateRunes()];

    /// <summary>Levenshtein distance, two rows at a time.</summary>
    public static int Distance(ReadOnlySpan<Rune> a, ReadOnlySpan<Rune> b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
