using System.Globalization;
using System.Text;

namespace Etransactions.Functions.Conversion.Documents.Ocr.Tesseract;

/// <summary>
/// Reads tesseract's TSV output. Columns: level page_num block_num par_num line_num word_num left top width
/// height conf text; level 1 is an image (its size in pixels), level 5 a word.
/// </summary>
public static class TesseractTsv
{
    private const int Columns = 12;

    /// <summary>The rows of a run over several images, by image (page_num, from 1); the header is dropped.</summary>
    public static IReadOnlyDictionary<int, IReadOnlyList<string>> Pages(string tsv)
    {
        var pages = new SortedDictionary<int, List<string>>();
        foreach (var row in tsv.Split('\n'))
        {
            var cells = row.Split('\t', 3);
            if (cells.Length < 3 || !int.TryParse(cells[1], NumberStyles.None, CultureInfo.InvariantCulture, out var page) || page < 1)
            {
                continue;
            }

            if (!pages.TryGetValue(page, out var rows))
            {
                pages[page] = rows = [];
            }

            rows.Add(row.TrimEnd('\r'));
        }

        return pages.ToDictionary(entry => entry.Key, entry => (IReadOnlyList<string>)entry.Value);
    }

    /// <summary>
    /// The words of one image, in reading order, their pixel boxes turned into points on <paramref name="page"/>:
    /// by the image's own size when its level-1 row gives it (the image is the page as displayed), otherwise
    /// at the page's resolution. Lines are numbered across blocks and paragraphs.
    /// </summary>
    public static IReadOnlyList<OcrWord> Words(IEnumerable<string> rows, InspectedPage page)
    {
        var parsed = rows.Select(row => row.Split('\t')).Where(cells => cells.Length >= Columns).ToList();
        var (scaleX, scaleY) = Scale(parsed, page);
        var lines = new Dictionary<(string Block, string Paragraph, string Line), int>();
        var words = new List<OcrWord>();
        foreach (var cells in parsed.Where(cells => cells[0] == "5"))
        {
            var text = string.Join('\t', cells.Skip(Columns - 1)).Trim().Normalize(NormalizationForm.FormC);
            var confidence = Number(cells[10]);
            if (text.Length == 0 || confidence < 0)
            {
                continue;
            }

            var key = (cells[2], cells[3], cells[4]);
            if (!lines.TryGetValue(key, out var line))
            {
                lines[key] = line = lines.Count;
            }

            words.Add(new OcrWord(
                text,
                Number(cells[6]) * scaleX,
                Number(cells[7]) * scaleY,
                Number(cells[8]) * scaleX,
                Number(cells[9]) * scaleY,
                Math.Clamp(confidence / 100, 0, 1),
                line));
        }

        return words;
    }

    private static (double X, double Y) Scale(List<string[]> rows, InspectedPage page)
    {
        var image = rows.FirstOrDefault(cells => cells[0] == "1");
        if (image is not null && Number(image[8]) is > 0 and var width && Number(image[9]) is > 0 and var height)
        {
            return (page.WidthPt / width, page.HeightPt / height);
        }

        return (72 / page.Dpi, 72 / page.Dpi);
    }

    private static double Number(string cell) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : -1;
}
