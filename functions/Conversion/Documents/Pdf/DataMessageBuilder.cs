using System.Diagnostics;
using Etransactions.Functions.Conversion.Documents.Ocr;
using Etransactions.Functions.Conversion.Documents.Pdf.Fonts;
using Microsoft.Extensions.Logging;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Etransactions.Functions.Conversion.Documents.Pdf;

/// <summary>
/// Turns a scan into the data message of Decree 137 Art. 4 (not yet signed: signing comes last): every page of
/// the scan at its own resolution (a PDF's pages kept with their content), an invisible text layer from OCR over
/// each page as its text arrives (a PDF page with its own text keeps it and is not read again), and on the first
/// page the distinct symbol block with the time of conversion, the converter's full name, the lookup code and the QR code.
/// Stateless; one instance serves the app.
/// </summary>
public sealed partial class DataMessageBuilder(ILogger<DataMessageBuilder> logger)
{
    public async Task<BuiltDataMessage> BuildAsync(ReadOnlyMemory<byte> scan, InspectedScan inspected, string language, SymbolBlock symbol, IOcrEngine ocr, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(inspected);
        ArgumentNullException.ThrowIfNull(symbol);
        ArgumentNullException.ThrowIfNull(ocr);
        var started = Stopwatch.GetTimestamp();
        DejaVuFonts.Install();
        using var document = inspected.Kind == ScanKind.Pdf ? OpenPdf(scan, inspected) : new PdfDocument();
        ZlibStreams.LeaveCompressionToZlib(document);
        // Laid out first: a block that cannot be made rejects the scan before OCR is paid for.
        var layout = SymbolBlockOf(symbol, FirstPageWidth(document, inspected));
        using var ownText = new PdfPageText(scan);
        var pages = new DataMessagePages(document, scan, inspected, layout, ownText);
        var toRead = Enumerable.Range(0, inspected.PageCount).Where(index => !HasOwnText(inspected, index)).ToList();
        if (toRead.Count > 0)
        {
            await foreach (var page in ocr.RecognizeAsync(new OcrRequest(scan, inspected, language, toRead), cancellation))
            {
                var expected = pages.OcrPageCount < toRead.Count ? toRead[pages.OcrPageCount] : -1;
                if (page.Index != expected)
                {
                    throw new InvalidOperationException($"OCR returned page {page.Index + 1} where page {expected + 1} was next");
                }
                pages.AddUpTo(page.Index);
                pages.AddRead(page);
            }
            if (pages.OcrPageCount != toRead.Count)
            {
                throw new InvalidOperationException($"OCR returned {pages.OcrPageCount} of {toRead.Count} pages");
            }
        }
        pages.AddUpTo(inspected.PageCount);
        var pdf = Save(document, symbol);
        LogBuilt(symbol.LookupCode, inspected.PageCount, toRead.Count, pdf.Length, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new BuiltDataMessage(
            pdf,
            inspected.PageCount,
            string.Join("\n\n", pages.Texts),
            new OcrSummary(toRead.Count > 0 ? ocr.Name : "none", language, pages.MeanConfidence),
            pages.Sources);
    }

    private static bool HasOwnText(InspectedScan inspected, int index) => inspected.Kind == ScanKind.Pdf && inspected.Pages[index].HasText;

    private static PdfDocument OpenPdf(ReadOnlyMemory<byte> scan, InspectedScan inspected)
    {
        PdfDocument document;
        try
        {
            document = PdfReader.Open(ScanStream.Of(scan), PdfDocumentOpenMode.Modify);
        }
        catch (Exception error) when (error is PdfReaderException or PdfSharp.PdfSharpException or InvalidOperationException or FormatException)
        {
            throw Rejections.Scan("corrupt", "the PDF cannot be read");
        }
        if (document.PageCount != inspected.PageCount)
        {
            document.Dispose();
            throw Rejections.Scan("corrupt", $"the PDF has {document.PageCount} pages where {inspected.PageCount} were found");
        }
        return document;
    }

    private static double FirstPageWidth(PdfDocument document, InspectedScan inspected) =>
        inspected.Kind == ScanKind.Pdf ? PageFrame.Of(document.Pages[0]).Width : inspected.Pages[0].WidthPt;

    private static SymbolLayout SymbolBlockOf(SymbolBlock symbol, double pageWidth)
    {
        try
        {
            return SymbolLayout.For(symbol, pageWidth);
        }
        catch (Exception error) when (error is not ScanRejectedException and not OutOfMemoryException)
        {
            // Whatever the cause, the same upload would fail the same way again: never a retry.
            throw Rejections.Scan("symbol-block", error.GetType().Name);
        }
    }

    private static byte[] Save(PdfDocument document, SymbolBlock symbol)
    {
        using var output = new MemoryStream();
        document.Save(output);
        return ZlibStreams.Recompress(output.ToArray(), saved => DocumentInfo.Set(saved, symbol));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Built data message {LookupCode}: {PageCount} pages, {OcrPageCount} read by OCR, {Bytes} bytes in {ElapsedMs:0} ms")]
    private partial void LogBuilt(string lookupCode, int pageCount, int ocrPageCount, int bytes, double elapsedMs);
}
