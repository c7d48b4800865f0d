using System.Text;
using System.Text.RegularExpressions;

namespace Etransactions.Local.Triggers;

/// <summary>
/// A blob trigger's path, `container/prefix/{name}.pdf`: the container, the literal start of the blob names
/// (to list no more than needed), and the pattern whose named parts a blob name matches.
/// </summary>
public sealed partial record BlobPathPattern(string Container, string Prefix, Regex BlobName)
{
    public static BlobPathPattern Parse(string path)
    {
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        var container = slash < 0 ? path : path[..slash];
        var blob = slash < 0 ? "{name}" : path[(slash + 1)..];
        var regex = new StringBuilder("^");
        var position = 0;
        foreach (Match part in Parameter().Matches(blob))
        {
            regex.Append(Regex.Escape(blob[position..part.Index]));
            // As in Functions, a part matches across '/': {name} of "a/b/c.pdf" in "{name}.pdf" is "a/b/c".
            regex.Append(CultureInfo.InvariantCulture, $"(?<{part.Groups[1].Value}>.+?)");
            position = part.Index + part.Length;
        }
        regex.Append(Regex.Escape(blob[position..])).Append('$');
        var literal = Parameter().Match(blob) is { Success: true } first ? blob[..first.Index] : blob;
        return new BlobPathPattern(container, literal, new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline));
    }

    /// <summary>The named parts of <paramref name="blobName"/>, or null when it does not match.</summary>
    public IReadOnlyDictionary<string, string>? Match(string blobName) =>
        BlobName.Match(blobName) is { Success: true } match
            ? BlobName.GetGroupNames().Where(name => !int.TryParse(name, out _)).ToDictionary(name => name, name => match.Groups[name].Value)
            : null;

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Parameter();
}
