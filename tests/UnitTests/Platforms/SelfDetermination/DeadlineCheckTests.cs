using System.Globalization;
using Etransactions.Functions.Platforms.Domain;
using Etransactions.Functions.Platforms.SelfDetermination;

namespace Etransactions.UnitTests.Platforms.SelfDetermination;

/// <summary>Which reminder or deadline the hourly check owes a cycle 2026 determination (deadline 31/01/2026 00:00 Vietnam).</summary>
public sealed class DeadlineCheckTests
{
    private static readonly DeterminationRecord Started1January = new()
    {
        PlatformId = "p1",
        Cycle = 2026,
        InstanceId = "selfdet-p1-2026",
        Status = DeterminationStatus.AwaitingStatistics,
        Deadline = Cycles.DeadlineFor(2026),
        StartedAt = At("2025-12-31T17:05:00Z"),
        StartedBy = StartedBy.Timer,
        RunId = "run",
        UpdatedAt = At("2025-12-31T17:05:00Z"),
    };

    [Theory]
    [InlineData("2026-01-04T17:00:00Z", null)] // 5 January: nothing yet
    [InlineData("2026-01-16T16:59:59Z", null)]
    [InlineData("2026-01-16T17:00:00Z", 14)] // 17 January 00:00 Vietnam
    [InlineData("2026-01-27T17:00:00Z", 3)] // 28 January 00:00 Vietnam
    public void Reminders_AreDueAt14And3DaysBeforeTheDeadline(string now, int? daysBefore) =>
        Assert.Equal(daysBefore is { } days ? new DueEvent.Reminder(days) : null, DeadlineCheck.Due(Started1January, At(now)));

    [Fact]
    public void AClockThatJumpedPastBoth_SendsOnlyTheReminderDueNow() =>
        Assert.Equal(new DueEvent.Reminder(3), DeadlineCheck.Due(Started1January, At("2026-01-29T00:00:00Z")));

    [Fact]
    public void AReminderAlreadySent_IsNotDueAgain_ButTheNextOneIs()
    {
        var sent14 = Started1January with { ReminderSentDaysBefore = 14 };
        Assert.Null(DeadlineCheck.Due(sent14, At("2026-01-20T00:00:00Z")));
        Assert.Equal(new DueEvent.Reminder(3), DeadlineCheck.Due(sent14, At("2026-01-28T00:00:00Z")));
        Assert.Null(DeadlineCheck.Due(sent14 with { ReminderSentDaysBefore = 3 }, At("2026-01-29T00:00:00Z")));
    }

    [Fact]
    public void RemindersAlreadyPastWhenTheCycleStarted_AreSkipped() =>
        Assert.Null(DeadlineCheck.Due(Started1January with { StartedAt = At("2026-01-20T00:00:00Z") }, At("2026-01-21T00:00:00Z")));

    [Fact]
    public void TheDeadline_IsDueFrom31JanuaryVietnam_EvenAfterAllReminders()
    {
        Assert.Equal(new DueEvent.DeadlinePassed(), DeadlineCheck.Due(Started1January with { ReminderSentDaysBefore = 3 }, At("2026-01-30T17:00:00Z")));
        Assert.Null(DeadlineCheck.Due(Started1January with { ReminderSentDaysBefore = 3 }, At("2026-01-30T16:59:59Z")));
    }

    [Theory]
    [InlineData(DeterminationStatus.Overdue, 0)]
    [InlineData(DeterminationStatus.Reported, 1)]
    [InlineData(DeterminationStatus.Returned, 1)]
    [InlineData(DeterminationStatus.Determined, 1)]
    [InlineData(DeterminationStatus.AwaitingStatistics, 1)] // received, not yet classified
    public void APlatformThatSentSomethingOrIsOverdue_OwesNothingMore(DeterminationStatus status, int processedVersion) =>
        Assert.Null(DeadlineCheck.Due(Started1January with { Status = status, ProcessedVersion = processedVersion }, At("2026-02-01T00:00:00Z")));

    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);
}
