using System.Globalization;
using System.Text.Json.Nodes;
using Etransactions.Functions.Core;
using Etransactions.Functions.Core.Storage;
using Etransactions.Functions.Notifications;
using Etransactions.Functions.Platforms.Domain;

namespace Etransactions.Functions.Platforms.SelfDetermination;

/// <summary>What a self-determination tells the platform and the regulator; the notification type is <c>selfDetermination.{kind}</c>.</summary>
public enum NoticeKind
{
    Started,
    Reminder,
    Overdue,
    Reported,
    Determined,
    Returned,
}

/// <summary>The facts a notice is written from.</summary>
/// <param name="EventId">Unique within the orchestration instance, the same when an activity runs again.</param>
/// <param name="At">When it happened, on the app's clock.</param>
public sealed record NoticeFacts(string EventId, string InstanceId, string PlatformId, string PlatformName, int Cycle, DateTimeOffset Deadline, DateTimeOffset At)
{
    public int? DaysBefore { get; init; }

    public Classification? Classification { get; init; }

    public int? Version { get; init; }

    public bool? Late { get; init; }

    public string? Reason { get; init; }
}

/// <summary>The notifications of a self-determination, Vietnamese first then English. Pure.</summary>
public static class SelfDeterminationNotices
{
    public static Notification Notice(NoticeKind kind, NoticeFacts facts)
    {
        var (recipients, vi, en) = Texts(kind, facts);
        var data = new JsonObject
        {
            ["instanceId"] = facts.InstanceId,
            ["cycle"] = facts.Cycle,
            ["deadline"] = IsoTime.Format(facts.Deadline),
            ["deadlineVietnam"] = VietnamTime.Format(facts.Deadline),
        };
        if (facts.DaysBefore is { } daysBefore)
        {
            data["daysBefore"] = daysBefore;
        }
        if (facts.Version is { } version)
        {
            data["submissionVersion"] = version;
        }
        if (facts.Late is { } late)
        {
            data["late"] = late;
        }
        if (facts.Classification is { } classification)
        {
            data["scale"] = EnumColumn.Of(classification.Scale);
            data["sharePercent"] = classification.SharePercent;
            data["averageMonthlyActiveUsers"] = classification.AverageMonthlyActiveUsers;
        }
        if (facts.Reason is { } reason)
        {
            data["reason"] = reason;
        }
        return new Notification(
            $"{facts.InstanceId}.{facts.EventId}",
            $"selfDetermination.{EnumColumn.Of(kind)}",
            facts.At,
            recipients,
            facts.PlatformId,
            new LocalizedText(vi.Subject, en.Subject),
            new LocalizedText(vi.Text, en.Text),
            data);
    }

    /// <summary>The last day still in time, as dd/mm/yyyy.</summary>
    public static string LastDay(DateTimeOffset deadline) =>
        VietnamTime.DateOf(deadline.AddMilliseconds(-1)).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string ScaleVi(Scale scale) => scale switch
    {
        Scale.Large => "quy mô lớn",
        Scale.ParticularlyLarge => "quy mô rất lớn",
        _ => "dưới ngưỡng quy mô lớn",
    };

    private static string ScaleEn(Scale scale) => scale switch
    {
        Scale.Large => "large-scale",
        Scale.ParticularlyLarge => "particularly large-scale",
        _ => "below the large-scale threshold",
    };

    private static (string[] Recipients, (string Subject, string Text) Vi, (string Subject, string Text) En) Texts(NoticeKind kind, NoticeFacts f)
    {
        var due = LastDay(f.Deadline);
        var scale = f.Classification?.Scale ?? Scale.None;
        var share = f.Classification is { } classification ? $"{classification.SharePercent.ToString(CultureInfo.InvariantCulture)}%" : "";
        // Vietnamese writes the decimal separator as a comma.
        var shareVi = share.Replace('.', ',');
        var days = f.DaysBefore ?? 0;
        var reason = f.Reason ?? "";
        string[] platform = [NotificationRecipients.Platform];
        string[] both = [NotificationRecipients.Platform, NotificationRecipients.Regulator];
        return kind switch
        {
            NoticeKind.Started => (platform,
                ($"Tự xác định quy mô kỳ {f.Cycle}",
                 $"Nền tảng {f.PlatformName} cần gửi số người dùng hoạt động hằng tháng để tự xác định quy mô kỳ {f.Cycle}, chậm nhất ngày {due} (Điều 18 Nghị định 137/2024/NĐ-CP)."),
                ($"Self-determination of scale, cycle {f.Cycle}",
                 $"{f.PlatformName} must send its monthly active users to self-determine its scale for cycle {f.Cycle} by {due} (Decree 137/2024/ND-CP, Art. 18).")),
            NoticeKind.Reminder => (platform,
                ($"Nhắc hạn: còn {days} ngày",
                 $"Còn {days} ngày đến hạn tự xác định quy mô kỳ {f.Cycle} (chậm nhất ngày {due})."),
                ($"Reminder: {days} days left",
                 $"{days} days remain to self-determine the scale for cycle {f.Cycle} (due by {due}).")),
            NoticeKind.Overdue => (both,
                ($"Quá hạn tự xác định quy mô kỳ {f.Cycle}",
                 $"Nền tảng {f.PlatformName} chưa gửi số liệu kỳ {f.Cycle} đến hết ngày {due}. Số liệu gửi muộn vẫn được tiếp nhận và ghi nhận là muộn."),
                ($"Self-determination overdue, cycle {f.Cycle}",
                 $"{f.PlatformName} had not sent its statistics for cycle {f.Cycle} by {due}. Late statistics are still accepted and marked late.")),
            NoticeKind.Reported => (both,
                ($"Báo cáo nền tảng {ScaleVi(scale)}",
                 $"Nền tảng {f.PlatformName} tự xác định là nền tảng {ScaleVi(scale)} ({shareVi} dân số) kỳ {f.Cycle}{(f.Late == true ? ", gửi muộn" : "")}; chờ Bộ xem xét."),
                ($"Report of a {ScaleEn(scale)} platform",
                 $"{f.PlatformName} self-determined as {ScaleEn(scale)} ({share} of the population) for cycle {f.Cycle}{(f.Late == true ? ", sent late" : "")}; awaiting the Ministry's review.")),
            NoticeKind.Determined => (platform,
                ($"Đã xác định quy mô kỳ {f.Cycle}",
                 $"Quy mô của nền tảng {f.PlatformName} kỳ {f.Cycle}: {ScaleVi(scale)} ({shareVi} dân số).{(string.IsNullOrEmpty(f.Reason) ? "" : $" Ý kiến của Bộ: {f.Reason}")}"),
                ($"Scale determined, cycle {f.Cycle}",
                 $"The scale of {f.PlatformName} for cycle {f.Cycle}: {ScaleEn(scale)} ({share} of the population).{(string.IsNullOrEmpty(f.Reason) ? "" : $" The Ministry noted: {f.Reason}")}")),
            NoticeKind.Returned => (platform,
                ($"Báo cáo kỳ {f.Cycle} bị trả lại",
                 $"Bộ trả lại báo cáo kỳ {f.Cycle} của nền tảng {f.PlatformName} để bổ sung, sửa đổi: {reason}"),
                ($"Report for cycle {f.Cycle} returned",
                 $"The Ministry returned the report of {f.PlatformName} for cycle {f.Cycle} for correction: {reason}")),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a self-determination notice."),
        };
    }
}
