using NCrontab;

namespace Etransactions.Local.Triggers;

/// <summary>A timer trigger's schedule: six-field NCRONTAB in UTC, or a fixed interval ("00:05:00"), as Functions reads them.</summary>
public abstract record TimerSchedule
{
    public abstract DateTimeOffset NextAfter(DateTimeOffset after);

    public static TimerSchedule Parse(string expression)
    {
        if (TimeSpan.TryParse(expression, CultureInfo.InvariantCulture, out var interval) && !expression.Contains(' ', StringComparison.Ordinal))
        {
            return new Interval(interval);
        }
        return new Cron(CrontabSchedule.Parse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true }));
    }

    private sealed record Cron(CrontabSchedule Schedule) : TimerSchedule
    {
        public override DateTimeOffset NextAfter(DateTimeOffset after) =>
            new(DateTime.SpecifyKind(Schedule.GetNextOccurrence(after.UtcDateTime), DateTimeKind.Utc));
    }

    private sealed record Interval(TimeSpan Every) : TimerSchedule
    {
        public override DateTimeOffset NextAfter(DateTimeOffset after) => after + Every;
    }
}
