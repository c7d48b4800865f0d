using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Etransactions.Functions.Conversion.Documents.Inspection;

/// <summary>A classic <c>xref</c> table: every in-use entry must name an object the file holds.</summary>
internal static partial class PdfCrossReferenceTable
{
    /// <summary>Checks the table at <paramref name="at"/> and returns the trailer dictionary after it.</summary>
    public static string Trailer(ReadOnlySpan<byte> bytes, int at)
    {
        var end = bytes[at..].IndexOf("trailer"u8);
        if (end < 0)
        {
            throw PdfTrailer.Corrupt("PDF cross-reference table has no trailer");
        }
        end += at;
        var lines = Encoding.Latin1.GetString(bytes[at..end]).TrimStart().Split(['\r', '\n'], StringSplitOptions.TrimEntries);
        var expected = 0L;
        var objectNumber = 0L;
        HashSet<(long Number, long Generation)>? headers = null;
        // The first line is the keyword itself.
        foreach (var line in lines.Skip(1))
        {
            if (line.Length == 0)
            {
                continue;
            }
            var section = Subsection().Match(line);
            if (section.Success)
            {
                objectNumber = Number(section.Groups[1]);
                expected += Number(section.Groups[2]);
                continue;
            }
            var entry = Entry().Match(line);
            if (!entry.Success)
            {
                throw PdfTrailer.Corrupt("PDF cross-reference table has a malformed entry");
            }
            expected--;
            var number = objectNumber++;
            if (entry.Groups[3].Value != "n")
            {
                continue;
            }
            var offset = Number(entry.Groups[1]);
            if (PdfTrailer.ObjectHeader().IsMatch(PdfTrailer.Text(bytes, offset, 40)))
            {
                continue;
            }
            // The offset misses: forgiven when the object is in the file all the same.
            headers ??= ObjectHeaders(bytes);
            if (!headers.Contains((number, Number(entry.Groups[2]))))
            {
                throw PdfTrailer.Corrupt($"PDF object {number} is listed in the cross-reference table but is not in the file");
            }
        }
        if (expected != 0)
        {
            throw PdfTrailer.Corrupt("PDF cross-reference table has the wrong number of entries");
        }
        return PdfTrailer.DictionaryAt(bytes, end);
    }

    /// <summary>Every <c>num gen obj</c> header in the file, read only when an offset misses.</summary>
    private static HashSet<(long Number, long Generation)> ObjectHeaders(ReadOnlySpan<byte> bytes)
    {
        var headers = new HashSet<(long, long)>();
        foreach (Match hit in AnyObjectHeader().Matches(Encoding.Latin1.GetString(bytes)))
        {
            headers.Add((Number(hit.Groups[1]), Number(hit.Groups[2])));
        }
        return headers;
    }

    // Numbers too long for a long cannot name an object; they read as -1 and match nothing.
    private static long Number(Group group) =>
        long.TryParse(group.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : -1;

    [GeneratedRegex(@"^(\d+)\s+(\d+)$")]
    private static partial Regex Subsection();

    [GeneratedRegex(@"^(\d{10})\s+(\d{5})\s+([nf])$")]
    private static partial Regex Entry();

    [GeneratedRegex(@"(?:^|[^\d])(\d+)\s+(\d+)\s+obj\b")]
    private static partial Regex AnyObjectHeader();
}
