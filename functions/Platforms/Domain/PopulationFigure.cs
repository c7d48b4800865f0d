namespace Etransactions.Functions.Platforms.Domain;

/// <summary>
/// One version of an official population figure: the denominator of every share, recorded in each
/// classification so that it can be named and reproduced.
/// </summary>
/// <param name="AnnouncedOn">The date the competent agency announced it.</param>
/// <param name="RecordedAt">When the regulator recorded this version.</param>
public sealed record PopulationFigure(int Year, int Version, long Value, string Source, DateOnly AnnouncedOn, DateTimeOffset RecordedAt);
