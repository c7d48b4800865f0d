using System.Globalization;
using System.Text;

namespace Etransactions.Functions.Core.Http;

/// <summary>
/// Field paths as the API reports them: JSON names joined by dots, array indexes as segments
/// (<c>months.3.activeUsers</c>), and <c>(body)</c> for the body itself.
/// </summary>
public static class FieldPath
{
    public const string Root = "(body)";

    public static string Child(string parent, string name) => parent == Root ? name : $"{parent}.{name}";

    public static string Index(string parent, int index) =>
        Child(parent, index.ToString(CultureInfo.InvariantCulture));

    /// <summary>The path of System.Text.Json's exceptions (<c>$.months[3]['a b']</c>) in the API's form.</summary>
    public static string FromJsonPath(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return Root;
        }

        var path = Root;
        var segment = new StringBuilder();
        for (var i = jsonPath.StartsWith('$') ? 1 : 0; i < jsonPath.Length; i++)
        {
            var c = jsonPath[i];
            if (c == '.' || c == '[')
            {
                path = Flush(path, segment);
                if (c == '[' && i + 1 < jsonPath.Length && jsonPath[i + 1] == '\'')
                {
                    var end = jsonPath.IndexOf("']", i + 2, StringComparison.Ordinal);
                    end = end < 0 ? jsonPath.Length : end;
                    segment.Append(jsonPath, i + 2, end - i - 2);
                    path = Flush(path, segment);
                    i = end + 1;
                }
            }
            else if (c != ']')
            {
                segment.Append(c);
            }
        }

        return Flush(path, segment);
    }

    private static string Flush(string path, StringBuilder segment)
    {
        if (segment.Length == 0)
        {
            return path;
        }

        var child = Child(path, segment.ToString());
        segment.Clear();
        return child;
    }
}
