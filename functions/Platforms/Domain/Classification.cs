namespace Etransactions.Functions.Platforms.Domain;

/// <summary>The scale of a platform from its 12 months of active users and the population figure used.</summary>
/// <param name="Months">How many months were averaged (always 12).</param>
/// <param name="AverageMonthlyActiveUsers">Rounded to 2 decimals.</param>
/// <param name="SharePercent">Percentage of the population, rounded to 4 decimals for display; the scale is decided exactly.</param>
/// <param name="SystemScale">The Art. 17 scale of the system, whatever kind of system it is.</param>
/// <param name="Intermediary">An intermediary platform whose administrator is independent of the transacting parties.</param>
/// <param name="Scale">The platform scale of Art. 18: <see cref="SystemScale"/> for such an intermediary, otherwise none.</param>
public sealed record Classification(
    int Months,
    string FirstMonth,
    string LastMonth,
    long TotalActiveUsers,
    double AverageMonthlyActiveUsers,
    double SharePercent,
    Scale SystemScale,
    bool Intermediary,
    Scale Scale,
    PopulationFigure Population);
