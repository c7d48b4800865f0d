using System.Collections;
using System.Globalization;
using Etransactions.Functions.Conversion.Documents.Pdf;
using Etransactions.Functions.Conversion.Documents.Pdf.Fonts;
using Etransactions.Functions.Core;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Etransactions.Functions.Conversion.PaperCopies.Pdf;

/// <summary>The print-ready PDF of a paper copy and what the register records of it.</summary>
public sealed record BuiltPaperCopy(byte[] Pdf, int PageCount);

/// <summary>
/// Lays every page of a data message, whole, on an A4 sheet (portrait, or landscape for a landscape page),
/// scaled down as far as needed to leave room for the band at the bottom and, on page 1, the QR code at the top
/// left: the band never covers the content. Pages are placed as form XObjects, so their images keep every
/// pixel (print resolution is the original's) and their text stays text.
/// </summary>
public static class PaperCopyBuilder
{
    private const double A4Short = 595.28;
    private const double A4Long = 841.89;
    private const double Margin = 22.68; // 8 mm
    private const double Gap = 6;
    private const double FontSize = 7;
    private const double Leading = 1.3;
    private const double QrSize = 90;

    private static readonly XBrush Ink = new XSolidBrush(XColor.FromArgb(20, 20, 20));
    private static readonly XColor Rule = XColor.FromArgb(90, 90, 90);

    public static BuiltPaperCopy Build(byte[] original, PaperBand band, IReadOnlyList<KeyValuePair<string, string>> registerFields)
    {
        ArgumentNullException.ThrowIfNull(band);
        DejaVuFonts.Install();
        using var source = XPdfForm.FromStream(new MemoryStream(original, writable: false));
        using var input = PdfReader.Open(new MemoryStream(original, writable: false), PdfDocumentOpenMode.Import);
        using var copy = new PdfDocument();
        ZlibStreams.LeaveCompressionToZlib(copy);
        var font = DejaVuFonts.Font(FontSize);
        var qr = QrModules.Of(band.QrPayload);
        var pageCount = input.PageCount;
        for (var index = 0; index < pageCount; index++)
        {
            var frame = PageFrame.Of(input.Pages[index]);
            var landscape = frame.Width > frame.Height;
            var page = copy.AddPage();
            page.Width = XUnit.FromPoint(landscape ? A4Long : A4Short);
            page.Height = XUnit.FromPoint(landscape ? A4Short : A4Long);
            using var gfx = XGraphics.FromPdfPage(page);
            var width = page.Width.Point;
            var height = page.Height.Point;
            var lines = BandLines(gfx, band, font, index, pageCount, width - (2 * Margin));
            var bandHeight = (lines.Count * FontSize * Leading) + Gap;
            var top = Margin + (index == 0 ? QrSize + Gap : 0);
            var bottom = height - Margin - bandHeight;
            if (index == 0)
            {
                DrawHeader(gfx, band, qr, font, width);
            }
            source.PageIndex = index;
            var area = new XRect(Margin, top, width - (2 * Margin), bottom - Gap - top);
            var scale = Math.Min(area.Width / frame.Width, area.Height / frame.Height);
            var placed = new XSize(frame.Width * scale, frame.Height * scale);
            gfx.DrawImage(source, area.X + ((area.Width - placed.Width) / 2), area.Y + ((area.Height - placed.Height) / 2), placed.Width, placed.Height);
            gfx.DrawLine(new XPen(Rule, 0.5), Margin, bottom, width - Margin, bottom);
            var y = bottom + Gap;
            foreach (var line in lines)
            {
                y += FontSize * Leading;
                gfx.DrawString(line, font, Ink, Margin, y - (FontSize * (Leading - 1)), XStringFormats.BaseLineLeft);
            }
        }
        SetInfo(copy, band);
        using var saved = new MemoryStream();
        copy.Save(saved);
        var pdf = ZlibStreams.Recompress(saved.ToArray(), document => SetInfo(document, band));
        var packet = XmpPacket.Build($"{PaperCopySymbol.Vi}: {band.Title}", band.Converter, band.ConvertedAt.ToOffset(VietnamTime.Offset), registerFields);
        return new BuiltPaperCopy(XmpPacket.Replace(pdf, packet), pageCount);
    }

    private static List<string> BandLines(XGraphics gfx, PaperBand band, XFont font, int index, int pageCount, double width)
    {
        var page = string.Create(CultureInfo.InvariantCulture, $"Trang / Page {index + 1}/{pageCount}");
        string[] texts =
        [
            PaperCopySymbol.Both,
            $"Thời điểm chuyển đổi / Time of conversion: {VietnamTime.Display(band.ConvertedAt)} (UTC+07:00). Người chuyển đổi / Converted by: {band.Converter}",
            $"Hệ thống thông tin / Information system: {band.SystemName}. Đơn vị quản lý / Administrator: {band.Administrator}",
            $"Mã tra cứu / Lookup code: {band.LookupCode}. Số đăng ký / Register number: {band.RegisterNumber}. {page}",
            $"Kiểm tra tại / Verify at: {band.VerifyUrl}",
        ];
        if (texts.SelectMany(text => TextWrap.MissingGlyphs(text, font)).Distinct().ToList() is { Count: > 0 } missing)
        {
            throw new PaperCopyTextException($"characters the font cannot show: {string.Join(' ', missing)}");
        }
        return [.. texts.SelectMany(text => TextWrap.Lines(gfx, text, font, width))];
    }

    /// <summary>The QR code top left (Circular 01/2023 Art. 26), the document's title and how to check it beside it.</summary>
    private static void DrawHeader(XGraphics gfx, PaperBand band, IReadOnlyList<BitArray> qr, XFont font, double width)
    {
        var unit = QrSize / qr.Count;
        var runs = new List<XRect>();
        for (var row = 0; row < qr.Count; row++)
        {
            for (var col = 0; col < qr[row].Length; col++)
            {
                var start = col;
                while (col < qr[row].Length && qr[row][col])
                {
                    col++;
                }
                if (col > start)
                {
                    runs.Add(new XRect(Margin + (start * unit), Margin + (row * unit), (col - start) * unit, unit));
                }
            }
        }
        gfx.DrawRectangles(XBrushes.Black, [.. runs]);
        var x = Margin + QrSize + Gap;
        var y = Margin + Gap;
        string[] texts = [band.Title, $"Quét mã QR hoặc mở {band.VerifyUrl} để kiểm tra bản gốc / Scan the QR code or open the address to check the original."];
        foreach (var line in texts.SelectMany(text => TextWrap.Lines(gfx, text, font, width - x - Margin)).Take(8))
        {
            y += FontSize * Leading;
            gfx.DrawString(line, font, Ink, x, y, XStringFormats.BaseLineLeft);
        }
    }

    private static void SetInfo(PdfDocument document, PaperBand band)
    {
        document.Info.Title = $"{PaperCopySymbol.Vi}: {band.Title}";
        document.Info.Author = band.Converter;
        document.Info.Subject = PaperCopySymbol.En;
        document.Info.Keywords = $"{band.LookupCode} {band.RegisterNumber}";
        document.Info.Creator = DocumentInfo.Application;
        document.Info.CreationDate = band.ConvertedAt.LocalDateTime;
        document.Info.ModificationDate = band.ConvertedAt.LocalDateTime;
        document.Language = "vi";
    }
}

/// <summary>A text of the band that cannot be printed (a character the font lacks): the request is at fault.</summary>
public sealed class PaperCopyTextException(string message) : Exception(message);
