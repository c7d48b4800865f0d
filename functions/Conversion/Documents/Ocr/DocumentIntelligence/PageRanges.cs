using System.Globalization;

namespace Etransactions.Functions.Conversion.Documents.Ocr.DocumentIntelligence;

/// <summary>The <c>pages</c> query parameter: 1-based pages and ranges, e.g. <c>1-3,5,7-9</c>.</summary>
public static class PageRanges
{
    /// <param name="indexes">0-based pages, ascending.</param>
    public static string Of(IEnumerable<int> indexes)
    {
        var ranges = new List<(int First, int Last)>();
        foreach (var number in indexes.Select(index => index + 1))
        {
            if (ranges.Count > 0 && ranges[^1].Last == number - 1)
            {
                ranges[^1] = (ranges[^1].First, number);
            }
            else
            {
                ranges.Add((number, number));
            }
        }

        return string.Join(',', ranges.Select(range => range.First == range.Last
            ? range.First.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{range.First}-{range.Last}")));
    }
}
