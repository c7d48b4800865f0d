using System.Text;
using System.Text.RegularExpressions;

namespace Etransactions.Functions.Conversion.Documents.Inspection;

/// <summary>
/// Checks the skeleton a PDF reader relies on before any library parses it: <c>startxref</c> and
/// <c>%%EOF</c> at the end (a truncated upload loses them), a cross-reference table or stream, every in-use
/// table entry naming an object the file holds, and a trailer naming the document catalog. PDF libraries
/// repair such files silently, pages missing; these are refused as corrupt.
///
/// Offsets a little wrong are forgiven, as PDF readers forgive them: many producers write a
/// <c>startxref</c> or table offsets a few bytes off, and such scans are sound. When an offset misses, the
/// cross-reference section or the object is looked for in the file itself.
/// </summary>
internal static partial class PdfTrailer
{
    private const int TailLength = 2048;

    /// <summary>The trailer dictionary's text (or the cross-reference stream's dictionary), once the skeleton is sound.</summary>
    public static string Dictionary(ReadOnlySpan<byte> bytes)
    {
        var tailStart = Math.Max(0, bytes.Length - TailLength);
        var tail = Encoding.Latin1.GetString(bytes[tailStart..]);
        var marker = tail.LastIndexOf("startxref", StringComparison.Ordinal);
        if (marker < 0)
        {
            throw Corrupt("PDF has no startxref (truncated?)");
        }
        var match = StartXref().Match(tail, marker);
        if (!match.Success)
        {
            throw Corrupt("PDF does not end with startxref and %%EOF (truncated?)");
        }
        var end = tailStart + marker;
        var xrefAt = long.TryParse(match.Groups[1].ValueSpan, out var pointer) && IsCrossReference(bytes, pointer, end)
            ? (int)pointer
            : FindCrossReference(bytes, end) ?? throw Corrupt("PDF has no cross-reference where startxref points, nor elsewhere");
        var dictionary = XrefKeyword().IsMatch(Text(bytes, xrefAt, 16))
            ? PdfCrossReferenceTable.Trailer(bytes, xrefAt)
            : StreamDictionary(bytes, xrefAt);
        return RootEntry().IsMatch(dictionary) ? dictionary : throw Corrupt("PDF trailer names no document catalog");
    }

    /// <summary>Whether the trailer names an encryption dictionary (a password-protected or otherwise encrypted document).</summary>
    public static bool IsEncrypted(string dictionary) => EncryptEntry().IsMatch(dictionary);

    /// <summary>The dictionary that opens at or after <paramref name="from"/>, strings inside it skipped.</summary>
    internal static string DictionaryAt(ReadOnlySpan<byte> bytes, int from)
    {
        var window = Text(bytes, from, 64 * 1024);
        var open = window.IndexOf("<<", StringComparison.Ordinal);
        return open < 0 ? throw Corrupt("PDF trailer dictionary is missing") : window[open..PdfDictionaryText.End(window, open)];
    }

    internal static string Text(ReadOnlySpan<byte> bytes, long from, int length) =>
        from < 0 || from >= bytes.Length ? "" : Encoding.Latin1.GetString(bytes.Slice((int)from, (int)Math.Min(length, bytes.Length - from)));

    internal static ScanRejectedException Corrupt(string detail) => Rejections.Scan("corrupt", detail);

    /// <summary>True when <paramref name="at"/> starts a classic <c>xref</c> table or an object that is a cross-reference stream.</summary>
    private static bool IsCrossReference(ReadOnlySpan<byte> bytes, long at, int end)
    {
        if (at < 0 || at >= end)
        {
            return false;
        }
        var head = Text(bytes[..end], at, 64);
        if (XrefKeyword().IsMatch(head))
        {
            return true;
        }
        return ObjectHeader().IsMatch(head) && XrefType().IsMatch(Text(bytes[..end], at, 4096));
    }

    /// <summary>The last cross-reference table or stream before <paramref name="end"/>, found by reading the file (as readers repair).</summary>
    private static int? FindCrossReference(ReadOnlySpan<byte> bytes, int end)
    {
        var text = Encoding.Latin1.GetString(bytes[..end]);
        var table = LastTable().Match(text);
        var tableAt = table.Success ? table.Index + 1 : -1;
        var stream = LastXrefType().Match(text);
        // The stream's object header is the last one before its /Type entry.
        var header = stream.Success ? LastObjectHeader().Match(text, 0, stream.Index) : Match.Empty;
        var streamAt = header.Success ? header.Index : -1;
        var at = Math.Max(tableAt, streamAt);
        return at >= 0 ? at : null;
    }

    /// <summary>The dictionary of the cross-reference stream at <paramref name="at"/>, checked not to run past the end of the file.</summary>
    private static string StreamDictionary(ReadOnlySpan<byte> bytes, int at)
    {
        var dictionary = DictionaryAt(bytes, at);
        var length = DirectLength().Match(dictionary);
        if (length.Success && long.TryParse(length.Groups[1].ValueSpan, out var streamLength) && at + dictionary.Length + streamLength > bytes.Length)
        {
            throw Corrupt("PDF cross-reference stream runs past the end");
        }
        return dictionary;
    }

    [GeneratedRegex(@"\Gstartxref\s+(\d+)\s+%%EOF")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"^\s*xref")]
    private static partial Regex XrefKeyword();

    [GeneratedRegex(@"^\s*\d+\s+\d+\s+obj")]
    internal static partial Regex ObjectHeader();

    [GeneratedRegex(@"/Type\s*/XRef\b")]
    private static partial Regex XrefType();

    [GeneratedRegex(@"[\r\n]xref\s", RegexOptions.RightToLeft)]
    private static partial Regex LastTable();

    [GeneratedRegex(@"/Type\s*/XRef\b", RegexOptions.RightToLeft)]
    private static partial Regex LastXrefType();

    [GeneratedRegex(@"\d+\s+\d+\s+obj\b", RegexOptions.RightToLeft)]
    private static partial Regex LastObjectHeader();

    [GeneratedRegex(@"/Length\s+(\d+)(?!\s+\d+\s+R)")]
    private static partial Regex DirectLength();

    [GeneratedRegex(@"/Root\s+\d+\s+\d+\s+R")]
    private static partial Regex RootEntry();

    [GeneratedRegex(@"/Encrypt\b")]
    private static partial Regex EncryptEntry();
}
