using BitMiracle.LibTiff.Classic;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Etransactions.TestSupport.Scans;

/// <summary>
/// A multi-page greyscale TIFF written by LibTiff, as a document scanner writes one: every page in one file,
/// uncompressed, one strip a page, resolution tags in dots per inch.
/// </summary>
public static class TiffFile
{
    public static byte[] Build(IReadOnlyList<byte[]> greyPngPages, int dpi)
    {
        ArgumentNullException.ThrowIfNull(greyPngPages);
        using var output = new MemoryStream();
        using (var tiff = Tiff.ClientOpen("scan.tif", "w", output, new TiffStream())
            ?? throw new InvalidOperationException("LibTiff cannot write to memory"))
        {
            for (var index = 0; index < greyPngPages.Count; index++)
            {
                using var image = Image.Load<L8>(greyPngPages[index]);
                var pixels = new byte[image.Width * image.Height];
                image.CopyPixelDataTo(pixels);
                tiff.SetField(TiffTag.SUBFILETYPE, FileType.PAGE);
                tiff.SetField(TiffTag.PAGENUMBER, index, greyPngPages.Count);
                tiff.SetField(TiffTag.IMAGEWIDTH, image.Width);
                tiff.SetField(TiffTag.IMAGELENGTH, image.Height);
                tiff.SetField(TiffTag.BITSPERSAMPLE, 8);
                tiff.SetField(TiffTag.SAMPLESPERPIXEL, 1);
                tiff.SetField(TiffTag.PHOTOMETRIC, Photometric.MINISBLACK);
                tiff.SetField(TiffTag.COMPRESSION, Compression.NONE);
                tiff.SetField(TiffTag.ROWSPERSTRIP, image.Height);
                tiff.SetField(TiffTag.XRESOLUTION, (double)dpi);
                tiff.SetField(TiffTag.YRESOLUTION, (double)dpi);
                tiff.SetField(TiffTag.RESOLUTIONUNIT, ResUnit.INCH);
                tiff.WriteEncodedStrip(0, pixels, pixels.Length);
                tiff.WriteDirectory();
            }
        }
        return output.ToArray();
    }
}
