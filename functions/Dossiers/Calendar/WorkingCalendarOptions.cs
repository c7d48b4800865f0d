using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Etransactions.Functions.Dossiers.Calendar;

/// <summary>The hours of a working day, Vietnam time, that dossiers' deadlines are counted in.</summary>
public sealed class WorkingCalendarOptions : IValidatableObject
{
    public const string DefaultDayHours = "08:00-17:00";
    public const string DefaultLunchBreak = "12:00-13:00";

    [ConfigurationKeyName("WORKING_DAY_HOURS")]
    public string DayHours { get; set; } = DefaultDayHours;

    [ConfigurationKeyName("WORKING_DAY_LUNCH_BREAK")]
    public string LunchBreak { get; set; } = DefaultLunchBreak;

    /// <summary>The hours of both settings; they are checked when the app starts.</summary>
    public WorkingHours Hours =>
        WorkingHours.TryParseRange(DayHours, out var start, out var end) && WorkingHours.TryParseRange(LunchBreak, out var lunchStart, out var lunchEnd)
            ? new WorkingHours(start, lunchStart, lunchEnd, end)
            : throw new InvalidOperationException("The working hours were not validated.");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var day = WorkingHours.TryParseRange(DayHours, out var start, out var end);
        if (!day)
        {
            yield return new ValidationResult($"must be HH:mm-HH:mm, the start before the end, such as {DefaultDayHours} (got \"{DayHours}\")", [nameof(DayHours)]);
        }
        if (!WorkingHours.TryParseRange(LunchBreak, out var lunchStart, out var lunchEnd))
        {
            yield return new ValidationResult($"must be HH:mm-HH:mm, the start before the end, such as {DefaultLunchBreak} (got \"{LunchBreak}\")", [nameof(LunchBreak)]);
        }
        else if (day && !(start < lunchStart && lunchEnd < end))
        {
            yield return new ValidationResult($"must lie inside WORKING_DAY_HOURS ({DayHours}), got \"{LunchBreak}\"", [nameof(LunchBreak)]);
        }
    }
}
