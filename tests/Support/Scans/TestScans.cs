using System.Collections.Concurrent;
using SixLabors.ImageSharp;
using UglyToad.PdfPig.Content;

namespace Etransactions.TestSupport.Scans;

/// <summary>
/// Test scans made from <see cref="SampleText"/>: the paper (<see cref="PaperPdf"/>) rendered by pdftoppm at
/// <see cref="Dpi"/>, then encoded as an upload would be. Each is made once per test run and handed out as a
/// fresh copy (a test may change its bytes). Those marked async need pdftoppm (and qpdf where said): use
/// them from integration tests. A4 at 200 dpi is 1654 x 2339 pixels. Every run makes the same images and
/// the same PDFs, but for the /ID that PdfPig draws at random for each PDF it writes.
/// </summary>
public static class TestScans
{
    public const int Dpi = 200;

    private static readonly ConcurrentDictionary<string, Lazy<Task<byte[]>>> Made = new();

    /// <summary>Page 1 as an RGB PNG with a 200 dpi pHYs chunk, as pdftoppm writes it.</summary>
    public static Task<byte[]> PngAsync() => Once("png", async () => (await Render(1, Rasterizer.Format.Png))[0]);

    /// <summary>Page 1 as a JPEG with a JFIF density of 200 dpi.</summary>
    public static Task<byte[]> JpegAsync() => Once("jpeg", async () => (await Render(1, Rasterizer.Format.Jpeg))[0]);

    /// <summary>Page 1 photographed sideways: stored 2339 x 1654, EXIF orientation 6, 72 dpi; upright it is an A4 page.</summary>
    public static Task<byte[]> RotatedJpegAsync() => Once("jpeg-exif-6", async () => ScanImages.StoredSideways(await PngAsync()));

    /// <summary>Page 1 grey on grey paper, turned 2.5°, as a careless photocopy: a greyscale PNG at 200 dpi.</summary>
    public static Task<byte[]> GreySkewedPngAsync() => Once("png-grey-skewed", async () =>
    {
        var page = (await Rasterizer.RenderAsync(PaperPdf.Build([SampleText.Lines], grey: true), Rasterizer.Format.Png, Dpi))[0];
        return ScanImages.Skewed(page, 2.5f, Color.FromRgb(204, 204, 199), Dpi);
    });

    /// <summary>A greyscale TIFF of <paramref name="pageCount"/> pages (uncompressed, one strip a page, 200 dpi tags).</summary>
    public static Task<byte[]> TiffAsync(int pageCount = 2) =>
        Once($"tiff-{pageCount}", async () => TiffFile.Build(await Render(pageCount, Rasterizer.Format.GreyPng), Dpi));

    /// <summary>A PDF of <paramref name="pageCount"/> pages as a scanner makes it: one 200 dpi JPEG a page, no text, a classic xref table.</summary>
    public static Task<byte[]> MultiPagePdfAsync(int pageCount = 3) =>
        Once($"pdf-{pageCount}", async () => ImagePdf.Build(await Render(pageCount, Rasterizer.Format.Jpeg), Dpi));

    /// <summary>The same PDF rewritten by qpdf with object streams and a cross-reference stream (as most producers now save).</summary>
    public static Task<byte[]> ObjectStreamPdfAsync(int pageCount = 3) =>
        Once($"pdf-objstm-{pageCount}", async () => await PdfTools.QpdfAsync(await MultiPagePdfAsync(pageCount), "--object-streams=generate"));

    /// <summary>Page 1 stored sideways at 150 dpi on a landscape page with /Rotate 90: viewers show it upright, 595 x 842 pt.</summary>
    public static Task<byte[]> RotatedPdfAsync() => Once("pdf-rotated", async () =>
    {
        var page = (await Rasterizer.RenderAsync(PaperPdf.Build([SampleText.Lines]), Rasterizer.Format.Png, 150))[0];
        return ImagePdf.Build([ScanImages.TurnedLeft(page, 150)], 150, new PageRotationDegrees(90));
    });

    /// <summary>A born-digital PDF of <paramref name="pageCount"/> pages of the sample text: every page has a real text layer. Needs no tool.</summary>
    public static byte[] TextPdf(int pageCount = 1) => PaperPdf.Build(SampleText.Paper(pageCount));

    /// <summary>A text PDF encrypted by qpdf with AES-256 (user password "mat-khau"), as a protected upload.</summary>
    public static Task<byte[]> EncryptedPdfAsync() => Once("pdf-encrypted", () => PdfTools.EncryptAsync(TextPdf()));

    /// <summary>The first half of the 3-page scan PDF: an upload cut short (no xref, no trailer).</summary>
    public static Task<byte[]> TruncatedPdfAsync() => Once("pdf-truncated", async () =>
    {
        var pdf = await MultiPagePdfAsync(3);
        return pdf[..(pdf.Length / 2)];
    });

    /// <summary>Bytes that are not a PDF at all (the PNG scan), to be uploaded under a .pdf name.</summary>
    public static Task<byte[]> FakePdfAsync() => PngAsync();

    /// <summary>A PNG of a few hundred bytes whose header claims <paramref name="width"/> x <paramref name="height"/> pixels. Needs no tool.</summary>
    public static byte[] BombPng(int width = 30_000, int height = 30_000) => OversizedPng.Build(width, height);

    /// <summary>A 1000 x 1000 PNG of a few hundred kilobytes whose zTXt comment inflates to <paramref name="megabytes"/> MB. Needs no tool.</summary>
    public static byte[] TextBombPng(int megabytes = 300) => OversizedPng.WithInflatingText(OversizedPng.Build(1000, 1000), megabytes);

    /// <summary>A one-page PDF whose content stream inflates to <paramref name="megabytes"/> MB of spaces. Needs no tool.</summary>
    public static byte[] FlateBombPdf(int megabytes = 200) => Scans.FlateBombPdf.Build(megabytes);

    private static Task<IReadOnlyList<byte[]>> Render(int pageCount, Rasterizer.Format format) =>
        Rasterizer.RenderAsync(PaperPdf.Build(SampleText.Paper(pageCount)), format, Dpi);

    private static async Task<byte[]> Once(string key, Func<Task<byte[]>> make)
    {
        var made = await Made.GetOrAdd(key, _ => new Lazy<Task<byte[]>>(make)).Value;
        return made.ToArray();
    }
}
