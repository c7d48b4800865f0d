using System.IO.Compression;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Filters;
using PdfSharp.Pdf.IO;

namespace Etransactions.Functions.Conversion.Documents.Pdf;

/// <summary>
/// Gets past PDFsharp 6.2.4's Flate streams, which lack zlib's Adler-32 trailer (qpdf --check warns and exits 3):
/// a PDF saved by PDFsharp with its own compression off is opened again, every unfiltered stream is compressed
/// with .NET's zlib, every Flate stream without a whole zlib trailer (PDFsharp compresses images whatever its
/// options say) is compressed again, and the document is saved once more with nothing left for PDFsharp to compress.
/// </summary>
public static class ZlibStreams
{
    /// <summary>The options a document needs before its first save, so PDFsharp leaves its streams to this pass.</summary>
    public static void LeaveCompressionToZlib(PdfDocument document)
    {
        document.Options.CompressContentStreams = false;
        document.Options.NoCompression = true;
        // Images are Flate-compressed anyway, and compressed again here: the fastest level loses nothing.
        document.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;
    }

    /// <summary>The same PDF with every stream compressed as zlib streams should be.</summary>
    /// <param name="beforeSave">What to set on the document last (reopening it stamps its modification date with the time of day).</param>
    public static byte[] Recompress(byte[] pdf, Action<PdfDocument>? beforeSave = null)
    {
        using var input = new MemoryStream(pdf, writable: false);
        using var document = PdfReader.Open(input, PdfDocumentOpenMode.Modify);
        LeaveCompressionToZlib(document);
        foreach (var dictionary in document.Internals.GetAllObjects().OfType<PdfDictionary>())
        {
            Repair(dictionary);
        }
        beforeSave?.Invoke(document);
        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    private static void Repair(PdfDictionary dictionary)
    {
        if (dictionary.Stream?.Value is not { Length: > 0 } bytes || dictionary.Elements.GetName("/Type") == "/Metadata")
        {
            // XMP stays readable as it is, as PDF/A asks.
            return;
        }
        var filter = dictionary.Elements["/Filter"];
        if (filter is null)
        {
            Replace(dictionary, Deflate(bytes));
        }
        else if (IsFlateFirst(filter) && !IsWholeZlib(bytes))
        {
            // Raw deflate data after the 2-byte header: PDFsharp's decoder reads it without the trailer.
            var inflated = new FlateDecode().Decode(bytes, (FilterParms?)null);
            Replace(dictionary, Deflate(inflated));
        }
        if (filter is null)
        {
            dictionary.Elements.SetName("/Filter", "/FlateDecode");
        }
    }

    private static bool IsFlateFirst(PdfItem filter) => filter switch
    {
        PdfName name => name.Value == "/FlateDecode",
        PdfArray { Elements.Count: > 0 } array => array.Elements[0] is PdfName { Value: "/FlateDecode" },
        _ => false,
    };

    /// <summary>
    /// True when the bytes are a complete zlib stream with its Adler-32 right. .NET's zlib reports a wrong trailer
    /// but treats a missing one as the end of input; four zero bytes put after a stream that lacks it are read as
    /// its trailer and fail, while after a whole stream they are ignored.
    /// </summary>
    private static bool IsWholeZlib(byte[] bytes)
    {
        var padded = new byte[bytes.Length + 4];
        bytes.CopyTo(padded, 0);
        try
        {
            using var zlib = new ZLibStream(new MemoryStream(padded, writable: false), CompressionMode.Decompress);
            zlib.CopyTo(Stream.Null);
            return true;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static byte[] Deflate(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(bytes);
        }
        return output.ToArray();
    }

    private static void Replace(PdfDictionary dictionary, byte[] bytes)
    {
        dictionary.Stream!.Value = bytes;
        dictionary.Elements.SetInteger("/Length", bytes.Length);
    }
}
