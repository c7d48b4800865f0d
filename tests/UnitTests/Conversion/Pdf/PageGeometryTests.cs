using Etransactions.Functions.Conversion.Documents.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Etransactions.UnitTests.Conversion.Pdf;

/// <summary>Where the corners of a displayed page or an image land once turned.</summary>
public sealed class PageGeometryTests
{
    [Theory]
    // EXIF orientation, then where the stored image's top-left corner is seen on a 100 x 200 (stored) image.
    [InlineData(1, 0, 0)]
    [InlineData(3, 100, 200)]
    [InlineData(6, 200, 0)]
    [InlineData(8, 0, 100)]
    public void Upright_ExifOrientation_PutsTheStoredTopLeftCornerWhereItIsSeen(int orientation, double x, double y)
    {
        var seen = ImagePage.Upright(orientation, 100, 200).Transform(new XPoint(0, 0));

        Assert.Equal(new XPoint(x, y), seen);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(8)]
    public void Upright_QuarterTurn_FillsTheDisplayedFrame(int orientation)
    {
        var matrix = ImagePage.Upright(orientation, 100, 200);
        var corners = new[] { new XPoint(0, 0), new XPoint(100, 0), new XPoint(0, 200), new XPoint(100, 200) }.Select(matrix.Transform).ToList();

        Assert.Equal((0, 200), (corners.Min(p => p.X), corners.Max(p => p.X)));
        Assert.Equal((0, 100), (corners.Min(p => p.Y), corners.Max(p => p.Y)));
    }

    [Theory]
    // /Rotate, then where the displayed top-left corner is in user space (y up) on a 600 x 800 media box.
    [InlineData(0, 0, 800)]
    [InlineData(90, 0, 0)]
    [InlineData(180, 600, 0)]
    [InlineData(270, 600, 800)]
    public void Of_RotatedPage_MapsTheDisplayedTopLeftCorner(int rotate, double userX, double userY)
    {
        using var document = new PdfDocument();
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(600);
        page.Height = XUnit.FromPoint(800);
        page.Rotate = rotate;

        var frame = PageFrame.Of(page);

        var drawing = frame.ToGraphics.Transform(new XPoint(0, 0));
        // PDFsharp's drawing space is user space flipped at the media box's height.
        Assert.Equal(new XPoint(userX, userY), new XPoint(drawing.X, 800 - drawing.Y));
        Assert.Equal(rotate % 180 == 0 ? (600, 800) : (800, 600), (frame.Width, frame.Height));
    }

    [Fact]
    public void ExtendBottom_SidewaysPage_GrowsWhatTheReaderSeesAsTheBottom()
    {
        using var document = new PdfDocument();
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(800);
        page.Height = XUnit.FromPoint(600);
        page.Rotate = 90;

        PageFrame.ExtendBottom(page, 50);

        var frame = PageFrame.Of(page);
        Assert.Equal((600, 850), (frame.Width, frame.Height));
        // The displayed top-left corner stays where it was: nothing shown moves.
        Assert.Equal(new XPoint(0, 600), frame.ToGraphics.Transform(new XPoint(0, 0)));
    }
}
