using Etransactions.Functions.Conversion.Documents.Inspection;

namespace Etransactions.UnitTests.Conversion.Inspection;

public sealed class PageGeometryTests
{
    [Theory]
    [InlineData(100.0, 100.0)]
    [InlineData(300.0, 300.0)]
    [InlineData(1200.0, 1200.0)]
    public void EffectiveDpi_DeclaredAsAScannerWould_IsKept(double declared, double expected)
    {
        Assert.Equal(expected, PageGeometry.EffectiveDpi(1654, 2339, declared));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(72.0)]
    [InlineData(99.0)]
    [InlineData(1201.0)]
    public void EffectiveDpi_MissingOrOutsideTheScannerRange_SizesTheImageAsAnA4Sheet(double? declared)
    {
        // 2339 pixels on the long side over A4's 11.69 inches.
        Assert.Equal(200, PageGeometry.EffectiveDpi(1654, 2339, declared));
    }

    [Theory]
    [InlineData(100, 200, 72)]
    [InlineData(20_000, 30_000, 1200)]
    public void EffectiveDpi_Inferred_StaysBetween72And1200(int width, int height, double expected)
    {
        Assert.Equal(expected, PageGeometry.EffectiveDpi(width, height, null));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void ImagePage_QuarterTurnOrientation_IsMeasuredAsDisplayed(int orientation)
    {
        var page = PageGeometry.ImagePage(2339, 1654, 200, orientation);

        Assert.Equal((1654, 2339, orientation), (page.WidthPx, page.HeightPx, page.Orientation));
        Assert.Equal(1654 * 72 / 200.0, page.WidthPt, 3);
        Assert.Equal(2339 * 72 / 200.0, page.HeightPt, 3);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void ImagePage_UprightOrHalfTurnOrientation_KeepsItsSides(int orientation)
    {
        var page = PageGeometry.ImagePage(2339, 1654, 200, orientation);

        Assert.Equal((2339, 1654), (page.WidthPx, page.HeightPx));
    }

    [Theory]
    [InlineData(7874.0, "Metre", 200.0)]
    [InlineData(78.74, "Centimetre", 200.0)]
    [InlineData(300.0, "Inch", 300.0)]
    public void Dpi_FromAValueAndItsUnit_IsDotsPerInch(double value, string unit, double expected)
    {
        Assert.Equal(expected, PageGeometry.Dpi(value, Enum.Parse<ResolutionUnit>(unit)));
    }

    [Theory]
    [InlineData(300.0, "None")]
    [InlineData(0.0, "Inch")]
    [InlineData(null, "Inch")]
    public void Dpi_AspectRatioOnlyOrNothing_DeclaresNone(double? value, string unit)
    {
        Assert.Null(PageGeometry.Dpi(value, Enum.Parse<ResolutionUnit>(unit)));
    }
}
