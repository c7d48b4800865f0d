namespace Etransactions.Functions.Conversion.Documents.Inspection;

/// <summary>The size and resolution a page image is shown at, from the pixels and resolution its header declares.</summary>
internal static class PageGeometry
{
    private const double A4LongSideInches = 11.69;

    /// <summary>
    /// The resolution to show an image at. Scanners write 100-1200 dpi; a phone photo says 72 (or nothing),
    /// which would make a metre-wide page, so such an image is sized as an A4 sheet instead.
    /// </summary>
    public static double EffectiveDpi(int widthPx, int heightPx, double? declared)
    {
        if (declared is >= 100 and <= 1200)
        {
            return declared.Value;
        }
        var inferred = Math.Max(widthPx, heightPx) / A4LongSideInches;
        return Math.Clamp(Math.Round(inferred, MidpointRounding.AwayFromZero), 72, 1200);
    }

    /// <summary>
    /// One image page as displayed: for EXIF orientations 5-8 (a quarter turn) the stored width and height
    /// swap, so the page is measured upright.
    /// </summary>
    public static InspectedPage ImagePage(int storedWidthPx, int storedHeightPx, double? declaredDpi, int orientation = 1)
    {
        var quarterTurn = orientation is >= 5 and <= 8;
        var (widthPx, heightPx) = quarterTurn ? (storedHeightPx, storedWidthPx) : (storedWidthPx, storedHeightPx);
        var dpi = EffectiveDpi(widthPx, heightPx, declaredDpi);
        return new InspectedPage(widthPx * 72 / dpi, heightPx * 72 / dpi, widthPx, heightPx, dpi, orientation);
    }

    /// <summary>A resolution in dots per inch from a value and its unit, rounded as scanners declare them.</summary>
    public static double? Dpi(double? value, ResolutionUnit unit) => value switch
    {
        null or <= 0 or double.NaN => null,
        _ => unit switch
        {
            ResolutionUnit.Inch => Math.Round(value.Value, MidpointRounding.AwayFromZero),
            ResolutionUnit.Centimetre => Math.Round(value.Value * 2.54, MidpointRounding.AwayFromZero),
            ResolutionUnit.Metre => Math.Round(value.Value * 0.0254, MidpointRounding.AwayFromZero),
            _ => null,
        },
    };
}
