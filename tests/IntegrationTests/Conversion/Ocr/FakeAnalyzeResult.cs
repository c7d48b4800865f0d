using System.Globalization;
using System.Text.Json.Nodes;

namespace Etransactions.IntegrationTests.Conversion.Ocr;

/// <summary>The analyzeResult of prebuilt-read for some pages, shaped as the 2024-11-30 API returns it.</summary>
internal static class FakeAnalyzeResult
{
    /// <summary>Page numbers of a <c>pages</c> parameter ("1-3,5"); none given: page 1.</summary>
    public static IReadOnlyList<int> Numbers(string pages)
    {
        if (string.IsNullOrEmpty(pages))
        {
            return [1];
        }

        return [.. pages.Split(',').SelectMany(range =>
        {
            var ends = range.Split('-').Select(end => int.Parse(end, CultureInfo.InvariantCulture)).ToArray();
            return Enumerable.Range(ends[0], ends[^1] - ends[0] + 1);
        })];
    }

    /// <summary>
    /// Each page's <see cref="FakeDocumentIntelligence.Lines"/>: words 0.12 inch a letter, the first line
    /// one inch from the top left, the next half an inch below; in pixels at 200 a inch when <paramref name="pixelPage"/> is given.
    /// </summary>
    public static JsonObject For(IReadOnlyList<int> numbers, (int Width, int Height)? pixelPage)
    {
        var unit = pixelPage is null ? 1.0 : 200.0;
        var content = new System.Text.StringBuilder();
        var pages = new JsonArray();
        foreach (var number in numbers)
        {
            var words = new JsonArray();
            var lines = new JsonArray();
            var row = 0;
            foreach (var line in FakeDocumentIntelligence.Lines(number))
            {
                var lineStart = content.Length;
                var (x, top) = (1.0, 1 + (row++ * 0.5));
                foreach (var word in line.Split(' '))
                {
                    var width = word.Length * 0.12;
                    words.Add(new JsonObject
                    {
                        ["content"] = word,
                        ["polygon"] = Polygon(x * unit, top * unit, (x + width) * unit, (top + 0.2) * unit),
                        ["confidence"] = 0.99,
                        ["span"] = new JsonObject { ["offset"] = content.Length, ["length"] = word.Length },
                    });
                    content.Append(word).Append(' ');
                    x += width + 0.08;
                }

                content.Length--;
                content.Append('\n');
                lines.Add(new JsonObject
                {
                    ["content"] = line,
                    ["polygon"] = Polygon(unit, top * unit, x * unit, (top + 0.2) * unit),
                    ["spans"] = new JsonArray(new JsonObject { ["offset"] = lineStart, ["length"] = line.Length }),
                });
            }

            pages.Add(new JsonObject
            {
                ["pageNumber"] = number,
                ["angle"] = 0,
                ["width"] = pixelPage?.Width ?? 8.2639,
                ["height"] = pixelPage?.Height ?? 11.6944,
                ["unit"] = pixelPage is null ? "inch" : "pixel",
                ["words"] = words,
                ["lines"] = lines,
            });
        }

        return new JsonObject
        {
            ["apiVersion"] = "2024-11-30",
            ["modelId"] = "prebuilt-read",
            ["stringIndexType"] = "textElements",
            ["content"] = content.ToString(),
            ["pages"] = pages,
            ["contentFormat"] = "text",
        };
    }

    private static JsonArray Polygon(double left, double top, double right, double bottom) =>
        [left, top, right, top, right, bottom, left, bottom];
}
