namespace Etransactions.Functions.Platforms.Statistics;

/// <summary>A statistics body that passed every check, for the cycle of the route.</summary>
public sealed record ValidStatistics(int Cycle, StatisticsBody Statistics);
