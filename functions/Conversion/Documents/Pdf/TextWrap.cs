using PdfSharp.Drawing;
using PdfSharp.Fonts;

namespace Etransactions.Functions.Conversion.Documents.Pdf;

/// <summary>Lines of drawn text: broken at spaces to a width, and checked against the font's glyphs.</summary>
internal static class TextWrap
{
    /// <summary>Pieces no wider than <paramref name="width"/> (a longer word stays whole).</summary>
    public static IEnumerable<string> Lines(XGraphics gfx, string text, XFont font, double width)
    {
        var current = "";
        foreach (var word in text.Split(' '))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && gfx.MeasureString(candidate, font).Width > width)
            {
                yield return current;
                current = word;
            }
            else
            {
                current = candidate;
            }
        }
        yield return current;
    }

    /// <summary>The characters of <paramref name="text"/> the font has no glyph for, each once.</summary>
    public static IReadOnlyList<string> MissingGlyphs(string text, XFont font) =>
        [.. GlyphHelper.GlyphIndicesFromString(text, font).Where(pair => pair.GlyphIndex == 0).Select(pair => char.ConvertFromUtf32(pair.CodePoint)).Distinct()];
}
