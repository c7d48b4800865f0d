using System.Globalization;
using Etransactions.Functions.Core;
using Etransactions.Functions.Core.Problems;

namespace Etransactions.Functions.ActiveUsers.Intake;

/// <summary>
/// When an event can still be counted: not ahead of the app's clock by more than a small skew, and in a
/// month that has not closed. A month (in Vietnam time) closes the grace period after it ends; then it is
/// finalized and only its counts are kept, so a later event is reported and not counted.
/// </summary>
public sealed record ActivityWindow(DateTimeOffset Now, int GraceDays)
{
    /// <summary>How far ahead of the app's clock an event's time may be (the platforms' clocks drift).</summary>
    public static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    /// <summary>The month of an instant in Vietnam, <c>yyyy-MM</c>.</summary>
    public static string MonthOf(DateTimeOffset at) => VietnamTime.DateOf(at).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The day of an instant in Vietnam, <c>yyyy-MM-dd</c>.</summary>
    public static string DayOf(DateTimeOffset at) => VietnamTime.DateOf(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The instant a month (<c>yyyy-MM</c>) closes: its end in Vietnam, plus the grace period.</summary>
    public DateTimeOffset ClosingOf(string month)
    {
        var first = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return VietnamTime.StartOf(first.AddMonths(1)).AddDays(GraceDays);
    }

    public bool IsClosed(string month) => ClosingOf(month) <= Now;

    /// <summary>Why an event's time keeps it from being counted, or null when it counts.</summary>
    public FieldError? Check(DateTimeOffset at)
    {
        if (at > Now + Skew)
        {
            return new FieldError("at", $"Is in the future: the app's time is {IsoTime.Format(Now)}.");
        }
        var month = MonthOf(at);
        if (IsClosed(month))
        {
            return new FieldError("at", $"Month {month} closed at {VietnamTime.Format(ClosingOf(month))}, {GraceDays} days after its end: the event is not counted.");
        }
        return null;
    }
}
