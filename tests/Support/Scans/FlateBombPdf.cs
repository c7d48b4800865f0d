using System.IO.Compression;
using PdfSharp.Pdf;

namespace Etransactions.TestSupport.Scans;

/// <summary>
/// A one-page PDF whose content stream of a few hundred kilobytes inflates to <c>megabytes</c> of
/// nothing: a decompression bomb aimed at whatever parses page content. Written by PDFsharp, the
/// compressed stream set as it is.
/// </summary>
public static class FlateBombPdf
{
    public static byte[] Build(int megabytes)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var block = new byte[1024 * 1024];
            Array.Fill(block, (byte)' ');
            for (var i = 0; i < megabytes; i++)
            {
                zlib.Write(block);
            }
        }
        using var document = new PdfDocument();
        document.Options.CompressContentStreams = false;
        var page = document.AddPage();
        var content = new PdfDictionary(document);
        content.CreateStream(compressed.ToArray());
        content.Elements.SetName("/Filter", "/FlateDecode");
        document.Internals.AddObject(content);
        page.Elements.SetReference("/Contents", content);
        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }
}
