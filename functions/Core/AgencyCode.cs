using System.Text.RegularExpressions;

namespace Etransactions.Functions.Core;

/// <summary>
/// The code of a state agency, as its systems write it (<c>000.00.00.H26</c>, <c>SOTUPHAP-HN</c>): letters,
/// digits, dots, underscores and hyphens, at most 64, beginning with a letter or digit. It becomes a blob
/// folder and a table key, so nothing else is allowed.
/// </summary>
public static partial class AgencyCode
{
    public static bool IsValid(string? code) => code is not null && Pattern().IsMatch(code);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex Pattern();
}
