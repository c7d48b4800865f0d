using Etransactions.Functions.Core;
using Etransactions.Functions.Dossiers.Calendar;
using static Etransactions.UnitTests.Dossiers.Calendar.CalendarSample;

namespace Etransactions.UnitTests.Dossiers.Calendar;

/// <summary>Working time on the sample 2026 calendar, 08:00-17:00 with lunch 12:00-13:00, Vietnam time.</summary>
public class WorkingTimeTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private static WorkingTime Time => Time2026;

    [Fact]
    public void Tet_16_to_20_February_is_not_working_time()
    {
        for (var day = new DateOnly(2026, 2, 14); day <= new DateOnly(2026, 2, 22); day = day.AddDays(1))
        {
            Assert.False(Time.IsWorkingDay(day), $"{day}");
        }
        Assert.True(Time.IsWorkingDay(new DateOnly(2026, 2, 13)));
        Assert.True(Time.IsWorkingDay(new DateOnly(2026, 2, 23)));
        Assert.Equal(Vietnam(2, 23, 8), Time.NextWorkingMoment(Vietnam(2, 17, 10)));
        Assert.Equal(TimeSpan.Zero, Time.WorkingTimeBetween(Vietnam(2, 13, 17), Vietnam(2, 23, 8)));
    }

    [Fact]
    public void A_dossier_received_the_Friday_before_Tet_at_16_00_with_8_working_hours_is_due_the_Monday_after_at_16_00()
    {
        // One hour on Friday 13 February, four on the morning of Monday 23 February, three after lunch.
        Assert.Equal(Vietnam(2, 23, 16), Time.AddWorkingTime(Vietnam(2, 13, 16), 8 * Hour));
        Assert.Equal(Vietnam(2, 23, 15), Time.AddWorkingTime(Vietnam(2, 13, 16), 7 * Hour));
    }

    [Fact]
    public void The_compensatory_day_for_Hung_Kings_day_on_a_Sunday_is_Monday_27_April()
    {
        Assert.False(Time.IsWorkingDay(new DateOnly(2026, 4, 26)));
        Assert.False(Time.IsWorkingDay(new DateOnly(2026, 4, 27)));
        Assert.True(Time.IsWorkingDay(new DateOnly(2026, 4, 28)));
        Assert.Equal(new DateOnly(2026, 4, 28), Time.NextWorkingDay(new DateOnly(2026, 4, 24)));
        Assert.Equal(Vietnam(4, 28, 8), Time.NextWorkingMoment(Vietnam(4, 24, 17, 30)));
    }

    [Fact]
    public void A_swapped_Saturday_is_a_working_day_and_its_day_off_is_not()
    {
        Assert.True(Time.IsWorkingDay(new DateOnly(2026, 1, 10)));
        Assert.False(Time.IsWorkingDay(new DateOnly(2026, 1, 2)));
        Assert.False(Time.IsWorkingDay(new DateOnly(2026, 1, 1)));
        Assert.True(Time.IsWorkingDay(new DateOnly(2026, 8, 22)));
        Assert.False(Time.IsWorkingDay(new DateOnly(2026, 8, 31)));
        Assert.Equal(Vietnam(1, 10, 9), Time.NextWorkingMoment(Vietnam(1, 10, 9)));
        // Friday 9 January 16:00 plus two hours: one that Friday, one on the swapped Saturday.
        Assert.Equal(Vietnam(1, 10, 9), Time.AddWorkingTime(Vietnam(1, 9, 16), 2 * Hour));
        Assert.Equal(new DateOnly(2026, 1, 5), Time.NextWorkingDay(new DateOnly(2025, 12, 31)));
        Assert.Equal(new DateOnly(2026, 9, 3), Time.NextWorkingDay(new DateOnly(2026, 8, 28)));
    }

    [Theory]
    [InlineData(6, 17, 30, 9, 8, 0)] // Friday after hours: Monday morning
    [InlineData(6, 17, 0, 9, 8, 0)] // 17:00 is past the day's last minute
    [InlineData(7, 10, 0, 9, 8, 0)] // Saturday
    [InlineData(9, 7, 59, 9, 8, 0)] // before the day starts
    [InlineData(9, 12, 0, 9, 13, 0)] // lunch
    [InlineData(9, 12, 30, 9, 13, 0)]
    public void Outside_working_time_counts_from_the_next_working_period(int day, int hour, int minute, int nextDay, int nextHour, int nextMinute)
    {
        Assert.Equal(Vietnam(3, nextDay, nextHour, nextMinute), Time.NextWorkingMoment(Vietnam(3, day, hour, minute)));
    }

    [Theory]
    [InlineData(9, 8, 0)]
    [InlineData(9, 11, 59)]
    [InlineData(9, 13, 0)]
    [InlineData(9, 16, 59)]
    public void Inside_working_time_the_moment_is_itself(int day, int hour, int minute)
    {
        Assert.Equal(Vietnam(3, day, hour, minute), Time.NextWorkingMoment(Vietnam(3, day, hour, minute)));
    }

    [Fact]
    public void Received_on_a_holiday_counts_from_the_next_working_morning()
    {
        // Thursday 30 April and Friday 1 May are holidays, then the weekend.
        Assert.Equal(Vietnam(5, 4, 8), Time.NextWorkingMoment(Vietnam(4, 30, 10)));
        Assert.Equal(Vietnam(9, 3, 8), Time.NextWorkingMoment(Vietnam(9, 1, 9)));
    }

    [Fact]
    public void Working_time_ends_at_the_end_of_a_period_not_at_the_start_of_the_next()
    {
        Assert.Equal(Vietnam(3, 9, 17), Time.AddWorkingTime(Vietnam(3, 9, 8), 8 * Hour));
        Assert.Equal(Vietnam(3, 9, 12), Time.AddWorkingTime(Vietnam(3, 9, 8), 4 * Hour));
        Assert.Equal(Vietnam(3, 9, 17), Time.AddWorkingTime(Vietnam(3, 9, 8), Time.WorkingDay));
        Assert.Equal(Vietnam(3, 9, 17), Time.EndOfWorkingDay(new DateOnly(2026, 3, 9)));
        Assert.Equal(Vietnam(3, 10, 8, 1), Time.AddWorkingTime(Vietnam(3, 9, 8), 8 * Hour + TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void Zero_working_time_is_the_start_itself_even_outside_working_time()
    {
        Assert.Equal(Vietnam(3, 7, 20), Time.AddWorkingTime(Vietnam(3, 7, 20), TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => Time.AddWorkingTime(Vietnam(3, 9, 8), -Hour));
    }

    [Fact]
    public void Ten_working_days_from_Monday_9_February_end_on_Friday_27_February_at_17_00()
    {
        // 9 to 13 February, Tết, then 23 to 27 February.
        Assert.Equal(Vietnam(2, 27, 17), Time.AddWorkingTime(Vietnam(2, 9, 8), 10 * Time.WorkingDay));
        Assert.Equal(10 * Time.WorkingDay, Time.WorkingTimeBetween(Vietnam(2, 9, 8), Vietnam(2, 27, 17)));
    }

    [Fact]
    public void WorkingTimeBetween_counts_only_working_periods_in_from_to()
    {
        Assert.Equal(2 * Hour, Time.WorkingTimeBetween(Vietnam(3, 9, 11), Vietnam(3, 9, 14)));
        Assert.Equal(TimeSpan.Zero, Time.WorkingTimeBetween(Vietnam(3, 9, 14), Vietnam(3, 9, 11)));
        Assert.Equal(TimeSpan.Zero, Time.WorkingTimeBetween(Vietnam(3, 9, 14), Vietnam(3, 9, 14)));
        // Friday 16:00 to Monday 9:00, given in UTC.
        Assert.Equal(2 * Hour, Time.WorkingTimeBetween(Vietnam(3, 6, 16).ToUniversalTime(), Vietnam(3, 9, 9).ToUniversalTime()));
    }

    [Fact]
    public void AddWorkingTime_and_WorkingTimeBetween_undo_each_other()
    {
        var starts = Enumerable.Range(0, 60).Select(i => Vietnam(1, 1, 0).AddHours(i * 149.25)).ToList();
        var workings = new[] { TimeSpan.FromMinutes(1), 3 * Hour, Time.WorkingDay, 5 * Time.WorkingDay + 90 * TimeSpan.FromMinutes(1), 60 * Time.WorkingDay };
        foreach (var start in starts)
        {
            foreach (var working in workings)
            {
                var end = Time.AddWorkingTime(start, working);
                Assert.Equal(working, Time.WorkingTimeBetween(start, end));
                // The end is working time or the end of a period, so the time to it leads back to it.
                Assert.Equal(end, Time.AddWorkingTime(start, Time.WorkingTimeBetween(start, end)));
            }
        }
    }

    [Fact]
    public void Results_are_in_Vietnam_time_whatever_the_offset_given()
    {
        var utc = Vietnam(3, 9, 10).ToUniversalTime();

        Assert.Equal(VietnamTime.Offset, Time.NextWorkingMoment(utc).Offset);
        Assert.Equal(VietnamTime.Offset, Time.AddWorkingTime(utc, Hour).Offset);
        Assert.Equal(VietnamTime.Offset, Time.AddWorkingTime(utc, TimeSpan.Zero).Offset);
        Assert.Equal(Vietnam(3, 9, 11), Time.AddWorkingTime(utc, Hour));
    }

    [Fact]
    public void The_sample_year_has_250_working_days_and_a_year_never_published_is_Monday_to_Friday()
    {
        Assert.Equal(250, Time.WorkingDaysIn(2026));
        Assert.Equal(261, Time.WorkingDaysIn(2027));
        Assert.True(Time.IsWorkingDay(new DateOnly(2027, 1, 1)));
        Assert.False(Time.IsWorkingDay(new DateOnly(2027, 1, 2)));
        Assert.Equal(8 * Hour, Time.WorkingDay);
    }

    [Fact]
    public void Other_hours_count_their_own_periods()
    {
        var time = new WorkingTime([Year2026], new WorkingHours(new(7, 30), new(11, 30), new(13, 0), new(16, 30)));

        Assert.Equal(TimeSpan.FromHours(7.5), time.WorkingDay);
        Assert.Equal(Vietnam(3, 9, 13), time.NextWorkingMoment(Vietnam(3, 9, 11, 45)));
        Assert.Equal(Vietnam(3, 10, 7, 30), time.NextWorkingMoment(Vietnam(3, 9, 16, 30)));
        Assert.Equal(Vietnam(3, 9, 16, 30), time.EndOfWorkingDay(new DateOnly(2026, 3, 9)));
    }

    [Fact]
    public void A_year_given_twice_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new WorkingTime([Year2026, Year2026], WorkingHours.Default));
    }
}
