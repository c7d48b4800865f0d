using Etransactions.Functions.Platforms.Domain;

namespace Etransactions.Functions.Publication.List;

/// <summary>
/// One platform on the published list (Art. 18.4.b): who it is, its scale, and the figures and cycle of the
/// determination that put it there.
/// </summary>
public sealed record ListedPlatform(
    string PlatformId,
    string Name,
    string Administrator,
    string AdministratorCountry,
    string Website,
    Scale Scale,
    double AverageMonthlyActiveUsers,
    double SharePercent,
    int PopulationYear,
    int PopulationVersion,
    long PopulationValue,
    string PopulationSource,
    int Cycle,
    DateOnly DeterminedOn);
