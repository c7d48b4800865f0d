using System.ComponentModel.DataAnnotations;
using Etransactions.Functions.Core;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Core.Problems;

namespace Etransactions.Functions.Platforms.Population;

/// <summary>The body of <c>PUT /api/population/{year}</c>: an official figure and who announced it, when.</summary>
public sealed record PopulationBody(
    [Range(1, 10_000_000_000, ErrorMessage = "A whole number above 0, and a population figure.")] long Value,
    [Text(500)] string Source,
    DateOnly AnnouncedOn)
{
    /// <summary>A figure is recorded once announced: an announcement date after today (Vietnam time) is refused.</summary>
    public void RequireAnnouncedBy(DateTimeOffset now)
    {
        if (AnnouncedOn > VietnamTime.DateOf(now))
        {
            throw new ValidationFailedException([new FieldError("announcedOn", $"{AnnouncedOn:yyyy-MM-dd} is in the future.")]);
        }
    }
}
