using System.ComponentModel.DataAnnotations;
using Etransactions.Functions.Core.Http;

namespace Etransactions.Functions.Dossiers.Calendar;

/// <summary>
/// The days of one year that differ from Monday to Friday: the body of <c>PUT /api/calendar/{year}</c> and
/// what a version stores. A list left out is empty. Shape only: <see cref="CalendarValidation"/> checks the rules.
/// </summary>
public sealed record CalendarDays
{
    /// <summary>A year has a dozen such days; the bound keeps a version well inside a table row.</summary>
    public const int MaxEntries = 60;

    [MaxLength(MaxEntries, ErrorMessage = "At most 60 entries.")]
    public IReadOnlyList<Holiday> Holidays { get; init; } = [];

    [MaxLength(MaxEntries, ErrorMessage = "At most 60 entries.")]
    public IReadOnlyList<CompensatoryDay> CompensatoryDays { get; init; } = [];

    [MaxLength(MaxEntries, ErrorMessage = "At most 60 entries.")]
    public IReadOnlyList<DaySwap> Swaps { get; init; } = [];
}

/// <summary>A public holiday (Labour Code 2019 Art. 112), on whatever day of the week it falls.</summary>
public sealed record Holiday(DateOnly Date, [Text(CalendarValidation.MaxNameLength)] string Name);

/// <summary>The working day given off for a holiday that fell on a weekly rest day (Labour Code 2019 Art. 111.3).</summary>
/// <param name="For">The holiday it makes up for.</param>
public sealed record CompensatoryDay(DateOnly Date, DateOnly For, [Text(CalendarValidation.MaxNameLength)] string Name);

/// <summary>A working day moved for civil servants: <see cref="DayOff"/> (Monday to Friday) is worked on <see cref="Workday"/> (a Saturday or Sunday).</summary>
public sealed record DaySwap(DateOnly DayOff, DateOnly Workday, [Text(CalendarValidation.MaxNameLength)] string Name);
