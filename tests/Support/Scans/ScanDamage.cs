namespace Etransactions.TestSupport.Scans;

/// <summary>
/// What a real scanner does to one page: the resolution it scans at, how crooked the sheet lies, how soft its
/// optics are, how grainy its sensor is, how hard it compresses.
/// </summary>
/// <param name="Dpi">100 to 200.</param>
/// <param name="SkewDegrees">1° to 2° either way.</param>
/// <param name="BlurSigma">A Gaussian blur of 0.5 to 1 pixel.</param>
/// <param name="SpeckleSigma">Speckle (multiplicative noise) of deviation 0.1 of each pixel's lightness: variance 0.01, the usual default (scikit-image's, for one).</param>
/// <param name="JpegQuality">35 to 60.</param>
public sealed record ScanDamage(int Dpi, float SkewDegrees, float BlurSigma, double SpeckleSigma, int JpegQuality)
{
    public const double Speckle = 0.1;

    /// <summary>Damage drawn from <paramref name="random"/>, each value uniform over its range.</summary>
    public static ScanDamage Draw(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var dpi = random.Next(100, 201);
        var skew = (float)(1 + random.NextDouble()) * (random.Next(2) == 0 ? -1 : 1);
        var blur = (float)(0.5 + (random.NextDouble() * 0.5));
        var quality = random.Next(35, 61);
        return new ScanDamage(dpi, skew, blur, Speckle, quality);
    }
}
