using System.Text;

namespace Etransactions.Functions.Conversion.Documents.Ocr.DocumentIntelligence;

/// <summary>One page of a <c>prebuilt-read</c> result as an <see cref="OcrPage"/>, in points on the page as displayed.</summary>
public static class DocumentIntelligencePage
{
    public static OcrPage Of(AnalyzedPage analyzed, int index, InspectedPage page)
    {
        var (scaleX, scaleY) = Scale(analyzed, page);
        var lines = analyzed.Lines ?? [];
        var words = new List<OcrWord>();
        foreach (var word in analyzed.Words ?? [])
        {
            if (word.Polygon is not { Count: >= 8 } polygon || string.IsNullOrWhiteSpace(word.Content))
            {
                continue;
            }

            var xs = polygon.Where((_, i) => i % 2 == 0).ToList();
            var ys = polygon.Where((_, i) => i % 2 == 1).ToList();
            var line = LineOf(word.Span.Offset, lines);
            words.Add(new OcrWord(
                word.Content.Trim().Normalize(NormalizationForm.FormC),
                xs.Min() * scaleX,
                ys.Min() * scaleY,
                (xs.Max() - xs.Min()) * scaleX,
                (ys.Max() - ys.Min()) * scaleY,
                Math.Clamp(word.Confidence, 0, 1),
                // A word outside every line stands on a line of its own, after the others.
                line >= 0 ? line : lines.Count + words.Count));
        }

        return OcrPages.Of(index, page, words);
    }

    /// <summary>
    /// Points per unit of the result. The page's size in its own unit against its size in points covers
    /// inches and pixels alike, whatever resolution the service assumed for an image without one; the unit
    /// alone is the fallback for a page that gives no size.
    /// </summary>
    private static (double X, double Y) Scale(AnalyzedPage analyzed, InspectedPage page)
    {
        if (analyzed.Width > 0 && analyzed.Height > 0)
        {
            return (page.WidthPt / analyzed.Width, page.HeightPt / analyzed.Height);
        }

        var perUnit = analyzed.Unit == "inch" ? 72 : 72 / page.Dpi;
        return (perUnit, perUnit);
    }

    private static int LineOf(int offset, IReadOnlyList<AnalyzedLine> lines)
    {
        for (var line = 0; line < lines.Count; line++)
        {
            if ((lines[line].Spans ?? []).Any(span => offset >= span.Offset && offset < span.Offset + span.Length))
            {
                return line;
            }
        }

        return -1;
    }
}
