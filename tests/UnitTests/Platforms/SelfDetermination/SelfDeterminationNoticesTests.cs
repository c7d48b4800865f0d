using Etransactions.Functions.Notifications;
using Etransactions.Functions.Platforms.Domain;
using Etransactions.Functions.Platforms.SelfDetermination;

namespace Etransactions.UnitTests.Platforms.SelfDetermination;

/// <summary>The notifications of a self-determination: stable ids, Vietnamese then English, the deadline in both time zones.</summary>
public sealed class SelfDeterminationNoticesTests
{
    private static readonly NoticeFacts Facts = new(
        "2026-01-27T17:00:00.000Z-004-1a2b3c4d", "selfdet-p1-2026", "p1", "Sàn Sen Vàng", 2026,
        Cycles.DeadlineFor(2026), DateTimeOffset.Parse("2026-01-27T17:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Reminder_HasAStableId_VietnameseThenEnglish_AndTheDeadlineInBothZones()
    {
        var notice = SelfDeterminationNotices.Notice(NoticeKind.Reminder, Facts with { DaysBefore = 3 });

        Assert.Equal("selfdet-p1-2026.2026-01-27T17:00:00.000Z-004-1a2b3c4d", notice.Id);
        Assert.Equal("selfDetermination.reminder", notice.Type);
        Assert.Equal("2026-01-28T00:00:00+07:00", notice.OccurredAtVietnam);
        Assert.Equal([NotificationRecipients.Platform], notice.Recipients);
        Assert.Equal(2026, (int)notice.Data["cycle"]!);
        Assert.Equal(3, (int)notice.Data["daysBefore"]!);
        Assert.Equal("2026-01-30T17:00:00.000Z", (string)notice.Data["deadline"]!);
        Assert.Equal("2026-01-31T00:00:00+07:00", (string)notice.Data["deadlineVietnam"]!);
        Assert.Equal("Còn 3 ngày đến hạn tự xác định quy mô kỳ 2026 (chậm nhất ngày 30/01/2026).", notice.Text.Vi);
        Assert.Contains("due by 30/01/2026", notice.Text.En, StringComparison.Ordinal);
        Assert.Equal(notice.ToJson(), SelfDeterminationNotices.Notice(NoticeKind.Reminder, Facts with { DaysBefore = 3 }).ToJson());
    }

    [Fact]
    public void OverdueAndReported_GoToTheRegulatorToo_WithTheScaleAndAShareWithADecimalComma()
    {
        Assert.Equal([NotificationRecipients.Platform, NotificationRecipients.Regulator],
            SelfDeterminationNotices.Notice(NoticeKind.Overdue, Facts).Recipients);
        var classification = Classifier.Classify(Samples.Months("2025-01", 11_000_000), Samples.Population, intermediary: true);

        var reported = SelfDeterminationNotices.Notice(NoticeKind.Reported, Facts with { Classification = classification, Version = 2, Late = true });

        Assert.Equal([NotificationRecipients.Platform, NotificationRecipients.Regulator], reported.Recipients);
        Assert.Contains("quy mô rất lớn (10,8588% dân số)", reported.Text.Vi, StringComparison.Ordinal);
        Assert.Contains("(10.8588% of the population)", reported.Text.En, StringComparison.Ordinal);
        Assert.Contains("gửi muộn", reported.Text.Vi, StringComparison.Ordinal);
        Assert.Equal("particularlyLarge", (string)reported.Data["scale"]!);
        Assert.Equal(2, (int)reported.Data["submissionVersion"]!);
        Assert.True((bool)reported.Data["late"]!);
    }

    [Fact]
    public void Returned_CarriesTheRegulatorsReasonToThePlatform()
    {
        var returned = SelfDeterminationNotices.Notice(NoticeKind.Returned, Facts with { Reason = "Thiếu công cụ đo" });

        Assert.Equal([NotificationRecipients.Platform], returned.Recipients);
        Assert.Contains("Thiếu công cụ đo", returned.Text.Vi, StringComparison.Ordinal);
        Assert.Equal("Thiếu công cụ đo", (string)returned.Data["reason"]!);
    }

    [Fact]
    public void Determined_AddsTheMinistrysNoteOnlyWhenThereIsOne()
    {
        Assert.DoesNotContain("Ý kiến", SelfDeterminationNotices.Notice(NoticeKind.Determined, Facts).Text.Vi, StringComparison.Ordinal);
        Assert.EndsWith("Ý kiến của Bộ: Đạt", SelfDeterminationNotices.Notice(NoticeKind.Determined, Facts with { Reason = "Đạt" }).Text.Vi, StringComparison.Ordinal);
    }
}
