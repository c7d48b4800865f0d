using Etransactions.Functions.Core;
using Etransactions.Functions.Platforms.Domain;

namespace Etransactions.UnitTests.Platforms;

/// <summary>Cycles and deadlines of the self-determination (Decree 137, Art. 18.2), on the Vietnam calendar.</summary>
public sealed class CyclesTests
{
    private static readonly DateTimeOffset March2026 = At("2026-03-01T00:00:00Z");

    [Fact]
    public void DeadlineFor_2025_Is24October00h_So23OctoberIsStillInTime()
    {
        var deadline = Cycles.DeadlineFor(2025);
        Assert.Equal("2025-10-23T17:00:00.000Z", IsoTime.Format(deadline));
        Assert.Equal("2025-10-24T00:00:00+07:00", VietnamTime.Format(deadline));
    }

    [Fact]
    public void DeadlineFor_From2026_IsBefore31January_So30JanuaryIsTheLastDay()
    {
        Assert.Equal("2026-01-31T00:00:00+07:00", VietnamTime.Format(Cycles.DeadlineFor(2026)));
        Assert.Equal("2027-01-30T17:00:00.000Z", IsoTime.Format(Cycles.DeadlineFor(2027)));
    }

    [Fact]
    public void RemindersAhead_14And3DaysBefore_SkippingThoseAlreadyPast()
    {
        var deadline = Cycles.DeadlineFor(2026);

        Assert.Equal(
            [(14, "2026-01-17T00:00:00+07:00"), (3, "2026-01-28T00:00:00+07:00")],
            Cycles.RemindersAhead(deadline, At("2025-12-31T17:05:00Z")).Select(r => (r.DaysBefore, VietnamTime.Format(r.At))));
        Assert.Equal([3], Cycles.RemindersAhead(deadline, At("2026-01-20T00:00:00Z")).Select(r => r.DaysBefore));
        Assert.Equal([3], Cycles.RemindersAhead(deadline, At("2026-01-16T17:00:00Z")).Select(r => r.DaysBefore));
        Assert.Empty(Cycles.RemindersAhead(deadline, At("2026-01-29T00:00:00Z")));
    }

    [Fact]
    public void CycleProblem_From2025UpToTheCurrentYearInVietnam_IsNone()
    {
        Assert.Null(Cycles.CycleProblem(2025, March2026));
        Assert.Null(Cycles.CycleProblem(2026, March2026));
        Assert.Contains("first self-determination cycle is 2025", Cycles.CycleProblem(2024, March2026), StringComparison.Ordinal);
        Assert.Contains("not started yet", Cycles.CycleProblem(2027, March2026), StringComparison.Ordinal);

        // 31 December 17:30 UTC is already 1 January in Vietnam.
        Assert.Null(Cycles.CycleProblem(2027, At("2026-12-31T17:30:00Z")));
        Assert.Equal(new DateOnly(2027, 1, 1), VietnamTime.DateOf(At("2026-12-31T17:30:00Z")));
    }

    [Fact]
    public void AllowedLastMonths_FixedFrom2026_And2025EndsWithARecentCompleteMonth()
    {
        Assert.Equal(new MonthRange("2025-12", "2025-12"), Cycles.AllowedLastMonths(2026, March2026));
        Assert.Equal(new MonthRange("2024-09", "2025-05"), Cycles.AllowedLastMonths(2025, At("2025-06-10T00:00:00Z")));
        Assert.Equal("2024-12", Cycles.AllowedLastMonths(2025, At("2025-01-10T00:00:00Z")).Latest);
    }

    [Fact]
    public void OperatesTwelveMonthsBy_CountsUpToTheLastDayInTime()
    {
        Assert.True(Cycles.OperatesTwelveMonthsBy(new DateOnly(2024, 10, 23), 2025));
        Assert.False(Cycles.OperatesTwelveMonthsBy(new DateOnly(2024, 10, 24), 2025));
        Assert.True(Cycles.OperatesTwelveMonthsBy(new DateOnly(2025, 1, 30), 2026));
        Assert.False(Cycles.OperatesTwelveMonthsBy(new DateOnly(2025, 1, 31), 2026));
    }

    [Fact]
    public void MonthIndex_CountsMonthsRunning_AndMonthLabelReadsItBack()
    {
        Assert.Equal(Cycles.MonthIndex("2024-12") + 1, Cycles.MonthIndex("2025-01"));
        Assert.Equal("2025-01", Cycles.MonthLabel(Cycles.MonthIndex("2025-01")));
        Assert.Throws<ArgumentException>(() => Cycles.MonthIndex("2025-1"));
    }

    [Fact]
    public void Determinations_StatusesAndInstanceIds()
    {
        Assert.Equal(DeterminationStatus.Determined, Determinations.StatusAfterSubmission(Scale.None));
        Assert.Equal(DeterminationStatus.Reported, Determinations.StatusAfterSubmission(Scale.Large));
        Assert.Equal(DeterminationStatus.Returned, Determinations.StatusAfterReview(ReviewDecision.Return));
        Assert.Equal(DeterminationStatus.Determined, Determinations.StatusAfterReview(ReviewDecision.Accept));
        Assert.True(Determinations.AwaitsStatistics(DeterminationStatus.Returned));
        Assert.False(Determinations.AwaitsStatistics(DeterminationStatus.Overdue));
        Assert.Equal("selfdet-p1-2026", Determinations.SelfDeterminationInstanceId("p1", 2026));
    }

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
