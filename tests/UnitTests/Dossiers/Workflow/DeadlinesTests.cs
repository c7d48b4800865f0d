using Etransactions.Functions.Dossiers.Calendar;
using Etransactions.Functions.Dossiers.Procedures;
using Etransactions.Functions.Dossiers.Workflow;
using static Etransactions.UnitTests.Dossiers.Calendar.CalendarSample;
using static Etransactions.UnitTests.Dossiers.DossierSamples;

namespace Etransactions.UnitTests.Dossiers.Workflow;

/// <summary>A dossier's dates and time on the 2026 calendar, 08:00-17:00 with lunch 12:00-13:00, Vietnam time.</summary>
public class DeadlinesTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private static Deadlines WorkingDays(int days) => new(Time2026, new TimeLimit(days, TimeLimitUnit.WorkingDays));

    private static Deadlines Limit(int value, TimeLimitUnit unit) => new(Time2026, new TimeLimit(value, unit));

    [Fact]
    public void The_intake_is_due_8_working_hours_after_it_counts_from_across_Tet()
    {
        // Friday 13 February 16:00: one hour that day, Tết from 16 to 20 February, seven on Monday 23 February.
        var dossier = Received(Vietnam(2, 13, 16));

        Assert.Equal(Vietnam(2, 23, 16), WorkingDays(10).IntakeDue(dossier));
    }

    [Fact]
    public void A_dossier_received_after_hours_counts_its_intake_from_the_next_working_morning()
    {
        var dossier = Received(Vietnam(3, 6, 18));

        Assert.Equal(Vietnam(3, 9, 8), dossier.CountsFrom);
        Assert.Equal(Vietnam(3, 9, 17), WorkingDays(10).IntakeDue(dossier));
    }

    [Fact]
    public void Nothing_is_due_before_the_clock_starts()
    {
        var deadlines = WorkingDays(10);
        var dossier = Received(Vietnam(3, 9, 9));

        Assert.Null(deadlines.Original(dossier, Vietnam(3, 9, 10)));
        Assert.Null(deadlines.Current(dossier, Vietnam(3, 9, 10)));
        Assert.Null(deadlines.Left(dossier, Vietnam(3, 9, 10)));
        Assert.Equal(TimeSpan.Zero, deadlines.Used(dossier, Vietnam(3, 9, 10)));
    }

    [Fact]
    public void Ten_working_days_from_a_Monday_morning_end_at_17_00_of_the_second_Friday()
    {
        Assert.Equal(Vietnam(3, 20, 17), WorkingDays(10).Original(Processing(Vietnam(3, 9, 8)), Vietnam(3, 9, 8)));
    }

    [Fact]
    public void Ten_working_days_from_10_00_end_at_10_00_ten_working_days_later()
    {
        Assert.Equal(Vietnam(3, 23, 10), WorkingDays(10).Original(Processing(Vietnam(3, 9, 10)), Vietnam(3, 9, 10)));
    }

    [Fact]
    public void Hung_Kings_day_its_compensatory_Monday_27_April_and_30_April_1_May_are_not_counted()
    {
        // Thursday 23 and Friday 24 April, then Sunday 26 (holiday) and Monday 27 (compensatory), Tuesday 28, Wednesday 29.
        var dossier = Processing(Vietnam(4, 23, 8));

        Assert.Equal(Vietnam(4, 28, 17), WorkingDays(3).Original(dossier, dossier.ClockStart!.Value));
        Assert.Equal(Vietnam(5, 4, 17), WorkingDays(5).Original(dossier, dossier.ClockStart!.Value));
    }

    [Fact]
    public void The_swapped_Saturday_10_January_is_counted_and_its_day_off_2_January_is_not()
    {
        var fromThursday = Processing(Vietnam(1, 8, 8));
        Assert.Equal(Vietnam(1, 10, 17), WorkingDays(3).Original(fromThursday, fromThursday.ClockStart!.Value));

        // 1 January (holiday), 2 January (swapped off) and the weekend of 3-4 January are skipped.
        var fromDecember = Processing(new DateTimeOffset(2025, 12, 31, 8, 0, 0, TimeSpan.FromHours(7)));
        Assert.Equal(Vietnam(1, 5, 17), WorkingDays(2).Original(fromDecember, fromDecember.ClockStart!.Value));
    }

    [Fact]
    public void A_closed_supplement_pause_pushes_the_date_on_by_its_working_time()
    {
        // From Wednesday 11 March 14:00 to Friday 13 March 10:00: 3 + 8 + 2 = 13 working hours.
        var pause = new Pause(PauseReason.Supplement, Vietnam(3, 11, 14), Vietnam(3, 13, 10));
        var dossier = Processing(Vietnam(3, 9, 8), pauses: pause);

        Assert.Equal(Vietnam(3, 24, 14), WorkingDays(10).Original(dossier, Vietnam(3, 30, 9)));
    }

    [Fact]
    public void An_open_pause_counts_up_to_now()
    {
        // From Wednesday 11 March 14:00 to Thursday 12 March 10:00, now: 3 + 2 = 5 working hours.
        var dossier = Processing(Vietnam(3, 9, 8), pauses: new Pause(PauseReason.Supplement, Vietnam(3, 11, 14), null)) with
        {
            State = DossierState.SupplementRequested,
        };
        var deadlines = WorkingDays(10);

        Assert.Equal(Vietnam(3, 23, 14), deadlines.Original(dossier, Vietnam(3, 12, 10)));
        Assert.Equal(Vietnam(3, 24, 14), deadlines.Original(dossier, Vietnam(3, 13, 10)));
    }

    [Fact]
    public void A_pause_that_began_after_the_date_does_not_move_it()
    {
        var dossier = Processing(Vietnam(3, 9, 8), pauses: new Pause(PauseReason.Supplement, Vietnam(3, 23, 9), Vietnam(3, 24, 9)));

        Assert.Equal(Vietnam(3, 20, 17), WorkingDays(10).Original(dossier, Vietnam(3, 30, 9)));
    }

    [Fact]
    public void Calendar_days_do_not_count_the_starting_day_and_end_at_24_00_of_the_last_day()
    {
        // Monday 9 March 16:00 plus 3 days: Tuesday, Wednesday, Thursday 12 March, until midnight.
        var dossier = Processing(Vietnam(3, 9, 16));

        Assert.Equal(Vietnam(3, 13, 0), Limit(3, TimeLimitUnit.CalendarDays).Original(dossier, Vietnam(3, 9, 16)));
        Assert.Equal(Vietnam(3, 11, 0), Limit(1, TimeLimitUnit.CalendarDays).Original(dossier, Vietnam(3, 9, 16)));
    }

    [Fact]
    public void Calendar_days_ending_on_a_weekend_or_holiday_end_at_17_00_of_the_next_working_day()
    {
        // Monday 9 March plus 5 days is Saturday 14 March; Friday 24 April plus 6 days is 30 April, then 1 May and a weekend.
        Assert.Equal(Vietnam(3, 16, 17), Limit(5, TimeLimitUnit.CalendarDays).Original(Processing(Vietnam(3, 9, 10)), Vietnam(3, 9, 10)));
        Assert.Equal(Vietnam(5, 4, 17), Limit(6, TimeLimitUnit.CalendarDays).Original(Processing(Vietnam(4, 24, 9)), Vietnam(4, 24, 9)));
    }

    [Fact]
    public void A_pause_pushes_a_calendar_days_date_on_by_its_length()
    {
        // 13 March 00:00 plus two days is midnight ending Saturday 14 March: the next working day is Monday 16 March.
        var dossier = Processing(Vietnam(3, 9, 10), pauses: new Pause(PauseReason.Supplement, Vietnam(3, 10, 10), Vietnam(3, 12, 10)));

        Assert.Equal(Vietnam(3, 16, 17), Limit(3, TimeLimitUnit.CalendarDays).Original(dossier, Vietnam(3, 20, 10)));
    }

    [Fact]
    public void Months_end_at_24_00_of_the_same_day_of_the_month_or_after_Tet_when_that_is_not_a_working_day()
    {
        Assert.Equal(Vietnam(4, 10, 0), Limit(1, TimeLimitUnit.Months).Original(Processing(Vietnam(3, 9, 10)), Vietnam(3, 9, 10)));
        // 15 January plus a month is Sunday 15 February, then Tết until 20 February and a weekend.
        Assert.Equal(Vietnam(2, 23, 17), Limit(1, TimeLimitUnit.Months).Original(Processing(Vietnam(1, 15, 10)), Vietnam(1, 15, 10)));
    }

    [Fact]
    public void Working_hours_limits_count_working_hours()
    {
        Assert.Equal(Vietnam(3, 10, 11), Limit(10, TimeLimitUnit.WorkingHours).Original(Processing(Vietnam(3, 9, 9)), Vietnam(3, 9, 9)));
    }

    [Fact]
    public void Used_is_the_working_time_since_the_clock_started_less_the_pauses()
    {
        var deadlines = WorkingDays(10);
        var dossier = Processing(Vietnam(3, 9, 8), pauses: new Pause(PauseReason.Supplement, Vietnam(3, 11, 14), Vietnam(3, 13, 10)));

        // Five days of 8 hours, less the 13 hours of the pause.
        Assert.Equal(27 * Hour, deadlines.Used(dossier, Vietnam(3, 13, 17)));
        // Ended Thursday 12 March 17:00: four days, less the pause's 11 hours until then.
        Assert.Equal(21 * Hour, deadlines.Used(dossier with { EndedAt = Vietnam(3, 12, 17) }, Vietnam(3, 30, 9)));
    }

    [Fact]
    public void Used_stops_at_the_end_and_an_open_pause_counts_to_now()
    {
        var deadlines = WorkingDays(10);
        var ended = Processing(Vietnam(3, 9, 8)) with { EndedAt = Vietnam(3, 10, 12) };
        var paused = Processing(Vietnam(3, 9, 8), pauses: new Pause(PauseReason.Fees, Vietnam(3, 9, 8), null));

        Assert.Equal(12 * Hour, deadlines.Used(ended, Vietnam(3, 30, 9)));
        Assert.Equal(TimeSpan.Zero, deadlines.Used(paused, Vietnam(3, 12, 9)));
    }

    [Fact]
    public void Left_is_the_working_time_until_the_date_and_negative_once_it_has_passed()
    {
        var deadlines = WorkingDays(10);
        var dossier = Processing(Vietnam(3, 9, 8));

        Assert.Equal(4 * Hour, deadlines.Left(dossier, Vietnam(3, 20, 13)));
        Assert.Equal(TimeSpan.Zero, deadlines.Left(dossier, Vietnam(3, 20, 17)));
        Assert.Equal(-10 * Hour, deadlines.Left(dossier, Vietnam(3, 24, 10)));
        Assert.Equal(8 * Hour, deadlines.Left(dossier with { EndedAt = Vietnam(3, 19, 17) }, Vietnam(3, 30, 9)));
    }

    [Fact]
    public void Current_is_the_last_apologys_new_date_and_Original_stays()
    {
        var deadlines = WorkingDays(10);
        var dossier = Processing(Vietnam(3, 9, 8)) with
        {
            Apologies = [new Apology(Vietnam(3, 19, 9), "Cán bộ processor", "Chờ xác minh", Vietnam(3, 25, 17)),
                new Apology(Vietnam(3, 24, 9), "Cán bộ processor", "Chờ xác minh lần hai", Vietnam(3, 27, 17))],
        };

        Assert.Equal(Vietnam(3, 27, 17), deadlines.Current(dossier, Vietnam(3, 24, 10)));
        Assert.Equal(Vietnam(3, 20, 17), deadlines.Original(dossier, Vietnam(3, 24, 10)));
    }

    [Theory]
    [InlineData(18, 10, Timing.Early)]
    [InlineData(20, 8, Timing.OnTime)]
    [InlineData(20, 17, Timing.OnTime)]
    [InlineData(23, 9, Timing.Late)]
    public void Outcome_is_early_on_an_earlier_day_on_time_by_the_date_and_late_after_it(int day, int hour, Timing expected)
    {
        var dossier = Processing(Vietnam(3, 9, 8)) with { State = DossierState.Resolved, EndedAt = Vietnam(3, day, hour) };

        Assert.Equal(expected, WorkingDays(10).Outcome(dossier));
    }

    [Fact]
    public void Outcome_is_late_after_a_second_supplement_during_processing_whatever_the_date()
    {
        var pauses = new[]
        {
            new Pause(PauseReason.Supplement, Vietnam(3, 10, 9), Vietnam(3, 10, 10)),
            new Pause(PauseReason.Supplement, Vietnam(3, 11, 9), Vietnam(3, 11, 10)),
        };
        var once = Processing(Vietnam(3, 9, 8), pauses: pauses[0]) with { State = DossierState.Resolved, EndedAt = Vietnam(3, 12, 9), SupplementsDuringProcessing = 1 };
        var twice = once with { Pauses = pauses, SupplementsDuringProcessing = 2 };

        Assert.Equal(Timing.Early, WorkingDays(10).Outcome(once));
        Assert.Equal(Timing.Late, WorkingDays(10).Outcome(twice));
    }

    [Fact]
    public void There_is_no_outcome_before_the_end()
    {
        Assert.Null(WorkingDays(10).Outcome(Processing(Vietnam(3, 9, 8))));
    }

    [Fact]
    public void Ended_on_the_last_day_of_a_calendar_days_limit_is_on_time()
    {
        // Monday 9 March plus 3 days: the last day is Thursday 12 March.
        var dossier = Processing(Vietnam(3, 9, 10)) with { State = DossierState.Resolved, EndedAt = Vietnam(3, 12, 15) };

        Assert.Equal(Timing.OnTime, Limit(3, TimeLimitUnit.CalendarDays).Outcome(dossier));
    }

    [Fact]
    public void A_holiday_added_to_the_calendar_mid_dossier_moves_its_date_by_one_working_day()
    {
        var changed = Year2026 with
        {
            Days = Year2026.Days with
            {
                Holidays = [.. Year2026.Days.Holidays, new Holiday(new DateOnly(2026, 3, 12), "Ngày nghỉ bổ sung")],
            },
        };
        var later = new WorkingTime([changed], Time2026.Hours);
        var limit = new TimeLimit(10, TimeLimitUnit.WorkingDays);
        var dossier = Processing(Vietnam(3, 9, 8));

        var before = new Deadlines(Time2026, limit).Original(dossier, Vietnam(3, 10, 9));
        var after = new Deadlines(later, limit).Original(dossier, Vietnam(3, 10, 9));

        Assert.Equal(Vietnam(3, 20, 17), before);
        Assert.Equal(Vietnam(3, 23, 17), after);
        Assert.Equal(Time2026.WorkingDay, Time2026.WorkingTimeBetween(before!.Value, after!.Value));
    }
}
