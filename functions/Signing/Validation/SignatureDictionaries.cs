using System.Runtime.InteropServices;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;

namespace Etransactions.Functions.Signing.Validation;

/// <summary>
/// Finds the signature dictionaries of a PDF with PDFsharp: the values (/V) of signature fields, and any other
/// dictionary with a /ByteRange or of /Type /Sig or /DocTimeStamp. A file PDFsharp cannot open (damaged,
/// encrypted) is searched for /ByteRange arrays instead, so that its signatures are still reported.
/// </summary>
internal static class SignatureDictionaries
{
    private const int MaxFieldDepth = 32;

    public static IReadOnlyList<SignatureDictionary> Find(ReadOnlyMemory<byte> file)
    {
        try
        {
            return Read(file);
        }
        catch (Exception)
        {
            // Whatever PDFsharp throws on a file it cannot read, the scan still reports its signatures.
            return ByteRangeScan.Find(file.Span);
        }
    }

    private static List<SignatureDictionary> Read(ReadOnlyMemory<byte> file)
    {
        using var document = PdfReader.Open(Stream(file), PdfDocumentOpenMode.Import);
        var dictionaries = document.Internals.GetAllObjects().OfType<PdfDictionary>().ToList();
        var found = new List<SignatureDictionary>();
        var seen = new HashSet<PdfDictionary>(ReferenceEqualityComparer.Instance);

        // Fields first, so that a signature is named by its field; then signature dictionaries no field points to.
        foreach (var field in dictionaries)
        {
            if (Resolve(field.Elements["/V"]) is PdfDictionary value && (IsSignatureField(field) || IsSignature(value)) && seen.Add(value))
            {
                found.Add(Entries(value, FieldName(field)));
            }
        }

        foreach (var dictionary in dictionaries)
        {
            if (IsSignature(dictionary) && seen.Add(dictionary))
            {
                found.Add(Entries(dictionary, null));
            }
        }

        return found;
    }

    private static bool IsSignature(PdfDictionary dictionary) =>
        dictionary.Elements.ContainsKey("/ByteRange") || Name(dictionary, "/Type") is "Sig" or "DocTimeStamp";

    // /FT is inheritable: a widget under a field carries it on its parent.
    private static bool IsSignatureField(PdfDictionary field) =>
        Lineage(field).Select(current => Name(current, "/FT")).FirstOrDefault(type => type is not null) == "Sig";

    // The fully qualified name: the partial names (/T) of the field and its parents, joined by dots.
    private static string? FieldName(PdfDictionary field)
    {
        var names = Lineage(field).Select(current => Resolve(current.Elements["/T"])).OfType<PdfString>().Select(name => name.Value).Reverse().ToList();
        return names.Count == 0 ? null : string.Join('.', names);
    }

    // The field and its parents, nearest first; /Parent chains are short, and a cycle must not hang the validator.
    private static IEnumerable<PdfDictionary> Lineage(PdfDictionary field)
    {
        var current = field;
        for (var depth = 0; current is not null && depth < MaxFieldDepth; depth++)
        {
            yield return current;
            current = Resolve(current.Elements["/Parent"]) as PdfDictionary;
        }
    }

    private static SignatureDictionary Entries(PdfDictionary signature, string? field) => new(
        field,
        Name(signature, "/SubFilter"),
        ByteRange(signature),
        Resolve(signature.Elements["/M"]) is PdfString time ? time.Value : null);

    private static long[]? ByteRange(PdfDictionary signature)
    {
        if (Resolve(signature.Elements["/ByteRange"]) is not PdfArray { Elements.Count: 4 } array)
        {
            return null;
        }

        var range = new long[4];
        for (var i = 0; i < range.Length; i++)
        {
            switch (Resolve(array.Elements[i]))
            {
                case PdfInteger integer:
                    range[i] = integer.Value;
                    break;
                case PdfLongInteger integer:
                    range[i] = integer.Value;
                    break;
                default:
                    return null;
            }
        }

        return range;
    }

    // Over the caller's array where there is one: an upload can be large.
    private static MemoryStream Stream(ReadOnlyMemory<byte> file) => MemoryMarshal.TryGetArray(file, out var segment)
        ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
        : new MemoryStream(file.ToArray(), writable: false);

    private static string? Name(PdfDictionary dictionary, string key) =>
        Resolve(dictionary.Elements[key]) is PdfName name ? name.Value.TrimStart('/') : null;

    private static PdfItem? Resolve(PdfItem? item) => item is PdfReference reference ? reference.Value : item;
}
