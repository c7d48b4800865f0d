using System.Globalization;
using System.Text.RegularExpressions;
using Etransactions.Functions.Core;
using Etransactions.Functions.Core.Problems;

namespace Etransactions.Functions.Dossiers.Storage;

/// <summary>
/// A dossier's code (MaHoSo): the receiving agency's code, the day of receipt (Vietnam time) and that day's
/// sequence, <c>000.00.00.H26-261203-0001</c>. Agency codes may hold hyphens, so the code is read from the right.
/// </summary>
public static partial class DossierCode
{
    public static string Of(string agency, DateOnly day, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{agency}-{day:yyMMdd}-{sequence:D4}");

    public static string DayKey(DateTimeOffset receivedAt) => VietnamTime.DateOf(receivedAt).ToString("yyMMdd", CultureInfo.InvariantCulture);

    /// <summary>The agency a code belongs to, or 404 for what cannot be a dossier's code.</summary>
    public static string AgencyOf(string code)
    {
        var match = Pattern().Match(code);
        if (!match.Success || !AgencyCode.IsValid(match.Groups["agency"].Value))
        {
            throw new NotFoundException($"Không có hồ sơ mã {code} / No dossier has the code {code}.");
        }
        return match.Groups["agency"].Value;
    }

    [GeneratedRegex("^(?<agency>.+)-[0-9]{6}-[0-9]{4,6}$")]
    private static partial Regex Pattern();
}
