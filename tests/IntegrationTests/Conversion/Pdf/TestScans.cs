using BitMiracle.LibTiff.Classic;
using Etransactions.Functions.Conversion.Documents;
using Etransactions.Functions.Conversion.Documents.Ocr;
using Etransactions.IntegrationTests.Support;
using Etransactions.TestSupport;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Etransactions.IntegrationTests.Conversion.Pdf;

/// <summary>A test scan: its bytes, what inspection would say of them, and the words on each page.</summary>
internal sealed record TestScan(byte[] Bytes, InspectedScan Inspected, IReadOnlyList<IReadOnlyList<OcrWord>> Words);

/// <summary>Scans of <see cref="TestPaper"/> as scanners and phones make them, each page rendered by pdftoppm.</summary>
internal static class TestScans
{
    public const int Dpi = 200;

    public static async Task<TestScan> PngAsync(TestPaper? paper = null)
    {
        paper ??= TestPaper.Sample();
        var png = (await RasterizeAsync(paper.Pdf, "-png"))[0];
        return new TestScan(png, Image(ScanKind.Png, png), paper.Words);
    }

    public static async Task<TestScan> JpegAsync()
    {
        var paper = TestPaper.Sample();
        var jpeg = (await RasterizeAsync(paper.Pdf, "-jpeg"))[0];
        return new TestScan(jpeg, Image(ScanKind.Jpeg, jpeg), paper.Words);
    }

    /// <summary>A phone photo stored sideways (turned a quarter left) with EXIF orientation 6, which says: turn it a quarter right to view.</summary>
    public static async Task<TestScan> SidewaysJpegAsync()
    {
        var paper = TestPaper.Sample();
        using var image = SixLabors.ImageSharp.Image.Load<Rgb24>((await RasterizeAsync(paper.Pdf, "-png"))[0]);
        image.Mutate(pixels => pixels.Rotate(RotateMode.Rotate270));
        image.Metadata.ExifProfile = new ExifProfile();
        image.Metadata.ExifProfile.SetValue(ExifTag.Orientation, (ushort)6);
        using var output = new MemoryStream();
        image.Save(output, new JpegEncoder { Quality = 90 });
        // Displayed upright: the stored height is the displayed width.
        var page = new InspectedPage(Points(image.Height), Points(image.Width), image.Height, image.Width, Dpi, Orientation: 6);
        return new TestScan(output.ToArray(), new InspectedScan(ScanKind.Jpeg, [page], output.Length), paper.Words);
    }

    /// <summary>A multi-page TIFF: the first page RGB, the others grey, LZW-compressed.</summary>
    public static async Task<TestScan> TiffAsync(int pageCount)
    {
        var paper = TestPaper.Sample(pageCount);
        var pngs = await RasterizeAsync(paper.Pdf, "-png");
        using var output = new MemoryStream();
        using (var tiff = Tiff.ClientOpen("test", "w", output, new TiffStream()))
        {
            for (var i = 0; i < pngs.Count; i++)
            {
                WriteTiffPage(tiff, pngs[i], grey: i > 0);
            }
        }
        var bytes = output.ToArray();
        var pages = pngs.Select(png => Image(ScanKind.Png, png).Pages[0]).ToList();
        return new TestScan(bytes, new InspectedScan(ScanKind.Tiff, pages, bytes.Length), paper.Words);
    }

    /// <summary>A PDF as a scanner makes it: every page one JPEG image of the paper, no text.</summary>
    public static async Task<TestScan> PdfAsync(int pageCount, bool rotated = false)
    {
        var paper = TestPaper.Sample(pageCount);
        var jpegs = await RasterizeAsync(paper.Pdf, "-jpeg");
        using var document = new PdfDocument();
        foreach (var jpeg in jpegs)
        {
            using var image = XImage.FromStream(new MemoryStream(jpeg));
            var (width, height) = (Points(image.PixelWidth), Points(image.PixelHeight));
            var page = document.AddPage();
            // Rotated: stored sideways on a landscape page that viewers turn a quarter right.
            page.Width = XUnit.FromPoint(rotated ? height : width);
            page.Height = XUnit.FromPoint(rotated ? width : height);
            page.Rotate = rotated ? 90 : 0;
            using var gfx = XGraphics.FromPdfPage(page);
            if (rotated)
            {
                gfx.MultiplyTransform(new XMatrix(0, -1, 1, 0, 0, width));
            }
            gfx.DrawImage(image, 0, 0, width, height);
        }
        var pdf = Save(document);
        var pages = jpegs.Select(jpeg => Image(ScanKind.Jpeg, jpeg).Pages[0]).ToList();
        return new TestScan(pdf, new InspectedScan(ScanKind.Pdf, pages, pdf.Length), paper.Words);
    }

    /// <summary>A born-digital PDF, or one already OCR'd: every page carries its own text.</summary>
    public static TestScan TextPdf(int pageCount = 1)
    {
        var paper = TestPaper.Sample(pageCount);
        var pages = paper.Words.Select(_ => new InspectedPage(TestPaper.Width, TestPaper.Height, 1654, 2339, Dpi, HasText: true)).ToList();
        return new TestScan(paper.Pdf, new InspectedScan(ScanKind.Pdf, pages, paper.Pdf.Length), paper.Words);
    }

    /// <summary>Page 1 of the text paper and page 2 of the image scan, in one PDF.</summary>
    public static async Task<byte[]> TextThenScannedPdfAsync()
    {
        var text = TextPdf(2);
        var images = await PdfAsync(2);
        using var output = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(text.Bytes), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Modify);
        using var source = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(images.Bytes), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        output.Pages.RemoveAt(1);
        output.AddPage(source.Pages[1]);
        using var bytes = new MemoryStream();
        output.Save(bytes);
        return bytes.ToArray();
    }

    private static InspectedScan Image(ScanKind kind, byte[] bytes)
    {
        var info = SixLabors.ImageSharp.Image.Identify(bytes);
        return new InspectedScan(kind, [new InspectedPage(Points(info.Width), Points(info.Height), info.Width, info.Height, Dpi)], bytes.Length);
    }

    private static double Points(int pixels) => pixels * 72.0 / Dpi;

    private static void WriteTiffPage(Tiff tiff, byte[] png, bool grey)
    {
        using var image = SixLabors.ImageSharp.Image.Load<Rgb24>(png);
        var samples = grey ? 1 : 3;
        tiff.SetField(TiffTag.IMAGEWIDTH, image.Width);
        tiff.SetField(TiffTag.IMAGELENGTH, image.Height);
        tiff.SetField(TiffTag.BITSPERSAMPLE, 8);
        tiff.SetField(TiffTag.SAMPLESPERPIXEL, samples);
        tiff.SetField(TiffTag.PHOTOMETRIC, grey ? Photometric.MINISBLACK : Photometric.RGB);
        tiff.SetField(TiffTag.PLANARCONFIG, PlanarConfig.CONTIG);
        tiff.SetField(TiffTag.COMPRESSION, Compression.LZW);
        tiff.SetField(TiffTag.ROWSPERSTRIP, 64);
        tiff.SetField(TiffTag.XRESOLUTION, (float)Dpi);
        tiff.SetField(TiffTag.YRESOLUTION, (float)Dpi);
        tiff.SetField(TiffTag.RESOLUTIONUNIT, ResUnit.INCH);
        tiff.SetField(TiffTag.SUBFILETYPE, FileType.PAGE);
        var pixels = new Rgb24[image.Width * image.Height];
        image.CopyPixelDataTo(pixels);
        var row = new byte[image.Width * samples];
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var pixel = pixels[(y * image.Width) + x];
                if (grey)
                {
                    row[x] = pixel.R;
                }
                else
                {
                    (row[3 * x], row[(3 * x) + 1], row[(3 * x) + 2]) = (pixel.R, pixel.G, pixel.B);
                }
            }
            tiff.WriteScanline(row, y);
        }
        tiff.WriteDirectory();
    }

    private static byte[] Save(PdfDocument document)
    {
        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    /// <summary>Every page of a PDF as pdftoppm renders it at <see cref="Dpi"/>, in page order.</summary>
    private static async Task<List<byte[]>> RasterizeAsync(byte[] pdf, string format)
    {
        var folder = TempFolder.Create("scan");
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, "in.pdf"), pdf);
            var result = await ExternalTool.RunAsync("pdftoppm", ["-r", $"{Dpi}", format, Path.Combine(folder, "in.pdf"), Path.Combine(folder, "page")]);
            Assert.Equal(0, result.ExitCode);
            return [.. Directory.GetFiles(folder, "page*").Order(StringComparer.Ordinal).Select(File.ReadAllBytes)];
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }
}
