using System.Runtime.InteropServices;
using BitMiracle.LibTiff.Classic;
using Etransactions.Functions.Conversion.Documents;
using Etransactions.Functions.Conversion.Documents.Pdf.Fonts;
using Etransactions.TestSupport;
using Etransactions.TestSupport.Scans;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Advanced;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Etransactions.IntegrationTests.Conversion.Ocr;

/// <summary>
/// Scans of known Vietnamese text, as a scanner or a phone makes them: the text set in DejaVu Sans on A4
/// with PDFsharp, rendered by pdftoppm at 200 dpi, then saved as each kind of scan, with the page geometry
/// the inspector would find.
/// </summary>
internal static class VietnameseScans
{
    public const int Dpi = 200;

    /// <summary>Where the sample text starts on the page, in points from the top left: its left edge, the first baseline, the line pitch.</summary>
    public const double Left = 60, FirstBaseline = 80, LineHeight = 32, FontSize = 16;


    public static async Task<(byte[] Bytes, InspectedScan Inspected)> PngAsync(int pages = 1) =>
        Single(ScanKind.Png, (await RenderAsync(pages))[0].Png);

    public static async Task<(byte[] Bytes, InspectedScan Inspected)> JpegAsync()
    {
        using var image = Image.Load<L8>((await RenderAsync(1))[0].Png);
        return Single(ScanKind.Jpeg, Jpeg(image));
    }

    /// <summary>A phone photo held sideways: the pixels turned a quarter left, EXIF orientation 6 saying to turn them back.</summary>
    public static async Task<(byte[] Bytes, InspectedScan Inspected)> SidewaysJpegAsync()
    {
        using var image = Image.Load<L8>((await RenderAsync(1))[0].Png);
        var upright = (image.Width, image.Height);
        image.Mutate(turn => turn.Rotate(RotateMode.Rotate270));
        image.Metadata.ExifProfile = new ExifProfile();
        image.Metadata.ExifProfile.SetValue(ExifTag.Orientation, (ushort)6);
        var bytes = Jpeg(image);
        return (bytes, new InspectedScan(ScanKind.Jpeg, [Page(upright.Width, upright.Height, orientation: 6)], bytes.Length));
    }

    /// <summary>A multi-page grey TIFF (LZW, 200 dpi), as a document scanner writes one.</summary>
    public static async Task<(byte[] Bytes, InspectedScan Inspected)> TiffAsync(int pages)
    {
        var rendered = await RenderAsync(pages);
        var path = Path.GetTempFileName();
        try
        {
            using (var tiff = Tiff.Open(path, "w"))
            {
                for (var index = 0; index < rendered.Count; index++)
                {
                    using var image = Image.Load<L8>(rendered[index].Png);
                    WriteTiffPage(tiff, image, index, rendered.Count);
                }
            }

            var bytes = await File.ReadAllBytesAsync(path);
            return (bytes, new InspectedScan(ScanKind.Tiff, [.. rendered.Select(page => Page(page.Width, page.Height))], bytes.Length));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A PDF as a scanner makes it: every page one JPEG image of the paper, no text.</summary>
    public static Task<(byte[] Bytes, InspectedScan Inspected)> PdfAsync(int pages) => PdfAsync(Enumerable.Repeat(Dpi, pages).ToArray());

    /// <summary>The same, page n scanned at the n-th resolution given, as a PDF put together from several scans.</summary>
    public static async Task<(byte[] Bytes, InspectedScan Inspected)> PdfAsync(IReadOnlyList<int> dpis)
    {
        var renders = new Dictionary<int, IReadOnlyList<(byte[] Png, int Width, int Height)>>();
        foreach (var dpi in dpis.Distinct())
        {
            renders[dpi] = await RenderAsync(dpis.Count, dpi);
        }

        var rendered = dpis.Select((dpi, index) => (renders[dpi][index].Png, renders[dpi][index].Width, renders[dpi][index].Height, Dpi: dpi)).ToList();
        using var document = new PdfDocument();
        foreach (var page in rendered)
        {
            using var image = Image.Load<L8>(page.Png);
            using var jpeg = new MemoryStream(Jpeg(image));
            var pdfPage = document.AddPage();
            pdfPage.Width = XUnit.FromPoint(page.Width * 72.0 / page.Dpi);
            pdfPage.Height = XUnit.FromPoint(page.Height * 72.0 / page.Dpi);
            using var graphics = XGraphics.FromPdfPage(pdfPage);
            using var picture = XImage.FromStream(jpeg);
            graphics.DrawImage(picture, 0, 0, pdfPage.Width.Point, pdfPage.Height.Point);
        }

        using var output = new MemoryStream();
        document.Save(output);
        var bytes = output.ToArray();
        return (bytes, new InspectedScan(ScanKind.Pdf, [.. rendered.Select(page => Page(page.Width, page.Height, dpi: page.Dpi))], bytes.Length));
    }

    /// <summary>A page of <paramref name="widthPx"/> by <paramref name="heightPx"/> pixels at <paramref name="dpi"/>.</summary>
    public static InspectedPage Page(int widthPx, int heightPx, int orientation = 1, int dpi = Dpi) =>
        new(widthPx * 72.0 / dpi, heightPx * 72.0 / dpi, widthPx, heightPx, dpi, orientation);

    private static (byte[] Bytes, InspectedScan Inspected) Single(ScanKind kind, byte[] bytes)
    {
        var info = Image.Identify(bytes);
        return (bytes, new InspectedScan(kind, [Page(info.Width, info.Height)], bytes.Length));
    }

    private static byte[] Jpeg(Image image)
    {
        using var output = new MemoryStream();
        image.SaveAsJpeg(output, new SixLabors.ImageSharp.Formats.Jpeg.JpegEncoder { Quality = 90 });
        return output.ToArray();
    }

    /// <summary>Pages of sample text (page n has the n-th sample page), each as a PNG from pdftoppm at <paramref name="dpi"/>.</summary>
    private static async Task<IReadOnlyList<(byte[] Png, int Width, int Height)>> RenderAsync(int pages, int dpi = Dpi)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"etransactions-scan-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var pdf = Path.Combine(folder, "paper.pdf");
            await File.WriteAllBytesAsync(pdf, TextPdf(pages));
            var rendered = await ExternalTool.RunAsync("pdftoppm", ["-r", $"{dpi}", "-png", "-gray", pdf, Path.Combine(folder, "page")]);
            Assert.True(rendered.ExitCode == 0, rendered.Stderr);
            var result = new List<(byte[], int, int)>();
            foreach (var file in Directory.GetFiles(folder, "page-*.png").Order(StringComparer.Ordinal))
            {
                var png = await File.ReadAllBytesAsync(file);
                var info = Image.Identify(png);
                result.Add((png, info.Width, info.Height));
            }

            return result;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The paper: A4 pages of sample text, the font embedded whole (a subset loses parts of Vietnamese glyphs).</summary>
    private static byte[] TextPdf(int pages)
    {
        // The app's own font (PDFsharp has one font resolver per process): embedded whole, as the app needs.
        var font = DejaVuFonts.Font(FontSize);
        using var document = new PdfDocument();
        for (var index = 0; index < pages; index++)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(595.28);
            page.Height = XUnit.FromPoint(841.89);
            using var graphics = XGraphics.FromPdfPage(page);
            var lines = SampleText.PageLines(index);
            for (var line = 0; line < lines.Count; line++)
            {
                graphics.DrawString(lines[line], font, XBrushes.Black, new XPoint(Left, FirstBaseline + (line * LineHeight)), XStringFormats.BaseLineLeft);
            }
        }

        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    private static void WriteTiffPage(Tiff tiff, Image<L8> image, int index, int count)
    {
        tiff.SetField(TiffTag.SUBFILETYPE, FileType.PAGE);
        tiff.SetField(TiffTag.PAGENUMBER, index, count);
        tiff.SetField(TiffTag.IMAGEWIDTH, image.Width);
        tiff.SetField(TiffTag.IMAGELENGTH, image.Height);
        tiff.SetField(TiffTag.BITSPERSAMPLE, 8);
        tiff.SetField(TiffTag.SAMPLESPERPIXEL, 1);
        tiff.SetField(TiffTag.PHOTOMETRIC, Photometric.MINISBLACK);
        tiff.SetField(TiffTag.PLANARCONFIG, PlanarConfig.CONTIG);
        tiff.SetField(TiffTag.COMPRESSION, Compression.LZW);
        tiff.SetField(TiffTag.ROWSPERSTRIP, 64);
        tiff.SetField(TiffTag.XRESOLUTION, (double)Dpi);
        tiff.SetField(TiffTag.YRESOLUTION, (double)Dpi);
        tiff.SetField(TiffTag.RESOLUTIONUNIT, ResUnit.INCH);
        var row = new byte[image.Width];
        for (var y = 0; y < image.Height; y++)
        {
            MemoryMarshal.AsBytes(image.DangerousGetPixelRowMemory(y).Span).CopyTo(row);
            tiff.WriteScanline(row, y);
        }

        tiff.WriteDirectory();
    }
}
