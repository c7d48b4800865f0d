using Etransactions.Functions.Platforms.Domain;

namespace Etransactions.Functions.Platforms.Population;

/// <summary>A stored version of a year's population figure, with when the regulator recorded it.</summary>
public sealed record RecordedPopulationFigure(int Year, int Version, long Value, string Source, DateOnly AnnouncedOn, DateTimeOffset RecordedAt)
{
    public PopulationFigure Figure => new(Year, Version, Value, Source, AnnouncedOn);
}
