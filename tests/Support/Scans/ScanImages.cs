using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Metadata;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Etransactions.TestSupport.Scans;

/// <summary>What happens to a page image between the paper and the upload: a crooked sheet, a phone held sideways, a worn scanner.</summary>
public static class ScanImages
{
    /// <summary>
    /// The page turned <paramref name="degrees"/> as a sheet put crooked on the glass, the corners filled with
    /// the paper's grey, cropped back to its size; saved as a greyscale PNG at <paramref name="dpi"/>.
    /// </summary>
    public static byte[] Skewed(byte[] png, float degrees, Color paper, int dpi)
    {
        using var image = Image.Load<Rgba32>(png);
        Skew(image, degrees, paper);
        using var grey = image.CloneAs<L8>();
        SetDpi(grey.Metadata, dpi);
        return Encode(grey, new PngEncoder { ColorType = PngColorType.Grayscale, BitDepth = PngBitDepth.Bit8 });
    }

    /// <summary>
    /// A page as a worn scanner makes it (<see cref="ScanDamage"/>): turned by the skew on white paper, blurred,
    /// speckled, saved as a greyscale JPEG at the damage's quality and resolution. <paramref name="random"/>
    /// draws the speckle.
    /// </summary>
    public static byte[] Degraded(byte[] png, ScanDamage damage, Random random)
    {
        ArgumentNullException.ThrowIfNull(damage);
        ArgumentNullException.ThrowIfNull(random);
        using var image = Image.Load<Rgba32>(png);
        Skew(image, damage.SkewDegrees, Color.White);
        image.Mutate(x => x.GaussianBlur(damage.BlurSigma));
        using var grey = image.CloneAs<L8>();
        Speckle(grey, damage.SpeckleSigma, random);
        SetDpi(grey.Metadata, damage.Dpi);
        return Encode(grey, new JpegEncoder { Quality = damage.JpegQuality, ColorType = JpegColorType.Luminance });
    }

    /// <summary>
    /// A phone photo held sideways: the pixels stored a quarter turn left of upright, with EXIF orientation 6
    /// ("turn 90° clockwise to display") and the 72 dpi a phone declares.
    /// </summary>
    public static byte[] StoredSideways(byte[] png)
    {
        using var image = Image.Load<Rgb24>(png);
        image.Mutate(x => x.Rotate(RotateMode.Rotate270));
        SetDpi(image.Metadata, 72);
        image.Metadata.ExifProfile = new ExifProfile();
        image.Metadata.ExifProfile.SetValue(ExifTag.Orientation, (ushort)6);
        return Encode(image, new JpegEncoder { Quality = 90 });
    }

    /// <summary>The page image turned a quarter left, as a scanner stores a sheet fed landscape, re-encoded as JPEG.</summary>
    public static byte[] TurnedLeft(byte[] png, int dpi)
    {
        using var image = Image.Load<Rgb24>(png);
        image.Mutate(x => x.Rotate(RotateMode.Rotate270));
        SetDpi(image.Metadata, dpi);
        return Encode(image, new JpegEncoder { Quality = 90 });
    }

    /// <summary>Turned about its centre, the corners filled with the paper's colour, cropped back to its size.</summary>
    private static void Skew(Image<Rgba32> image, float degrees, Color paper)
    {
        var (width, height) = (image.Width, image.Height);
        image.Mutate(x => x
            .Rotate(degrees)
            .BackgroundColor(paper)
            .Crop(new Rectangle((x.GetCurrentSize().Width - width) / 2, (x.GetCurrentSize().Height - height) / 2, width, height)));
    }

    /// <summary>
    /// Speckle: multiplicative noise, each pixel's lightness v becoming v + v·n with n drawn from a normal
    /// distribution of deviation <paramref name="sigma"/>, so white paper turns grainy and black ink stays black.
    /// </summary>
    private static void Speckle(Image<L8> image, double sigma, Random random)
    {
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                foreach (ref var pixel in rows.GetRowSpan(y))
                {
                    var value = pixel.PackedValue * (1 + (sigma * Normal(random)));
                    pixel = new L8((byte)Math.Clamp(Math.Round(value), 0, 255));
                }
            }
        });
    }

    /// <summary>A standard normal draw (Box-Muller).</summary>
    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static void SetDpi(ImageMetadata metadata, int dpi)
    {
        metadata.ResolutionUnits = PixelResolutionUnit.PixelsPerInch;
        metadata.HorizontalResolution = dpi;
        metadata.VerticalResolution = dpi;
    }

    private static byte[] Encode(Image image, SixLabors.ImageSharp.Formats.IImageEncoder encoder)
    {
        using var output = new MemoryStream();
        image.Save(output, encoder);
        return output.ToArray();
    }
}
