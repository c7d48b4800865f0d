using System.Globalization;
using Etransactions.Functions.Platforms.Domain;
using Etransactions.TestSupport.Platforms;

namespace Etransactions.UnitTests.Platforms;

/// <summary>The domain's values for the samples of <see cref="PlatformSamples"/>.</summary>
internal static class Samples
{
    public static readonly PopulationFigure Population =
        new(2024, 1, PlatformSamples.PopulationValue, PlatformSamples.PopulationSource, DateOnly.Parse(PlatformSamples.PopulationAnnouncedOn, CultureInfo.InvariantCulture),
            new DateTimeOffset(2025, 1, 7, 2, 0, 0, TimeSpan.Zero));

    public static List<MonthlyUsers> Months(string first, decimal users, int count = 12) => Months(first, [users], count);

    public static List<MonthlyUsers> Months(string first, IReadOnlyList<decimal> users, int count = 12) =>
        [.. PlatformSamples.Months(first, users, count).Select(month =>
            new MonthlyUsers(month!["month"]!.GetValue<string>(), month["activeUsers"]!.GetValue<decimal>()))];
}
