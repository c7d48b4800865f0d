using System.Globalization;
using Etransactions.Functions.Core;

namespace Etransactions.Functions.Register;

/// <summary>
/// The number of a conversion in the register: <c>{agencyCode}/{year}/{sequence}</c>, the sequence counted from
/// 1 each 1 January (Vietnam time) per agency, as registers of issued documents are numbered.
/// </summary>
public readonly record struct RegisterNumber(string AgencyCode, int Year, int Sequence)
{
    public const int MinYear = 2000;
    public const int MaxYear = 9999;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{AgencyCode}/{Year}/{Sequence}");

    /// <summary>The register's partition of an agency and year: table keys cannot hold '/'.</summary>
    public static string PartitionOf(string agencyCode, int year) => string.Create(CultureInfo.InvariantCulture, $"{agencyCode}|{year}");

    /// <summary>The year whose sequence a conversion at <paramref name="at"/> joins.</summary>
    public static int YearOf(DateTimeOffset at) => VietnamTime.DateOf(at).Year;

    /// <summary>Reads the three parts as a route gives them; null when one is not what a number holds.</summary>
    public static RegisterNumber? TryFrom(string? agencyCode, string? year, string? sequence)
    {
        if (!Core.AgencyCode.IsValid(agencyCode ?? "")
            || !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < MinYear or > MaxYear
            || !int.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
        {
            return null;
        }
        return new RegisterNumber(agencyCode!, y, n);
    }
}
