using System.Text.Json.Nodes;
using Etransactions.Functions.Core.Storage;
using Etransactions.Functions.Notifications;
using Etransactions.Functions.Platforms.Determinations;
using Etransactions.Functions.Platforms.Domain;
using Etransactions.Functions.Platforms.Registry;
using Etransactions.Functions.Platforms.Statistics;
using Microsoft.Azure.Functions.Worker;
using DeterminationRules = Etransactions.Functions.Platforms.Domain.Determinations;

namespace Etransactions.Functions.Platforms.SelfDetermination;

/// <summary>
/// The work of the selfDetermination orchestration: each activity updates the determination record, adds to its
/// timeline and sends the notification. Ids and times come from the orchestration's input, never from a clock
/// here, so an activity run twice (the engine delivers at least once) leaves the same records and notifies once.
/// </summary>
public sealed class SelfDeterminationActivities(
    PlatformStore platforms, StatisticsStore statistics, DeterminationStore determinations, Notifier notifier)
{
    [Function(SelfDeterminationNames.Open)]
    public async Task<OpenResult> Open([ActivityTrigger] OpenInput input, FunctionContext context)
    {
        var (e, cancellation) = (input.Event, context.CancellationToken);
        var platform = await platforms.RequireAsync(e.PlatformId, cancellation);
        var initial = new DeterminationRecord
        {
            PlatformId = e.PlatformId,
            Cycle = e.Cycle,
            InstanceId = DeterminationRules.SelfDeterminationInstanceId(e.PlatformId, e.Cycle),
            Status = DeterminationStatus.AwaitingStatistics,
            Deadline = Cycles.DeadlineFor(e.Cycle),
            StartedAt = e.At,
            StartedBy = input.StartedBy,
            RunId = input.RunId,
            UpdatedAt = e.At,
        };
        var (current, _) = await determinations.OpenAsync(initial, cancellation);
        // Opened by this very run (also when the activity runs twice): a first start. Otherwise a reopening.
        var first = current.RunId == input.RunId;
        await LogAsync(e, "", first ? TimelineType.Started : TimelineType.Reopened, current.Status,
            new JsonObject { ["startedBy"] = EnumColumn.Of(input.StartedBy) }, cancellation);
        if (first)
        {
            await SendAsync(NoticeKind.Started, e, platform, f => f, cancellation);
        }
        return new OpenResult(current.Status, current.ProcessedVersion, current.ReportedVersion, current.ReminderSentDaysBefore);
    }

    /// <summary>The newest submission stored for the cycle (null when none), read just before the orchestration ends.</summary>
    [Function(SelfDeterminationNames.LatestSubmission)]
    public async Task<StatisticsEvent?> LatestSubmission([ActivityTrigger] CycleInput input, FunctionContext context) =>
        await statistics.LatestAsync(input.PlatformId, input.Cycle, context.CancellationToken) is { } latest
            ? new StatisticsEvent(latest.Version, latest.SubmittedAt)
            : null;

    [Function(SelfDeterminationNames.ApplySubmission)]
    public async Task<StatusResult> ApplySubmission([ActivityTrigger] SubmissionInput input, FunctionContext context)
    {
        var (e, cancellation) = (input.Event, context.CancellationToken);
        var submission = await statistics.GetAsync(e.PlatformId, e.Cycle, input.Version, cancellation)
            ?? throw new InvalidOperationException($"No statistics version {input.Version} for {e.PlatformId}, cycle {e.Cycle}.");
        var current = await RecordAsync(e, cancellation);
        var status = DeterminationRules.StatusAfterSubmission(submission.Classification.Scale);
        JsonObject Details() => new()
        {
            ["version"] = input.Version,
            ["late"] = submission.Late,
            ["scale"] = EnumColumn.Of(submission.Classification.Scale),
        };
        await LogAsync(e, "received", TimelineType.StatisticsReceived, current.Status, Details(), cancellation);
        var reported = status == DeterminationStatus.Reported;
        await LogAsync(e, "outcome", reported ? TimelineType.Reported : TimelineType.Determined, status, Details(), cancellation);
        // The timeline first, the record last: whoever reads the new status finds how it came about.
        await determinations.SaveAsync(current with
        {
            Status = status,
            ProcessedVersion = Math.Max(current.ProcessedVersion, input.Version),
            SubmissionVersion = input.Version,
            Late = submission.Late,
            Classification = submission.Classification,
            ReportedVersion = status == DeterminationStatus.Reported ? input.Version : null,
            UpdatedAt = e.At,
        }, cancellation);
        var platform = await platforms.RequireAsync(e.PlatformId, cancellation);
        await SendAsync(reported ? NoticeKind.Reported : NoticeKind.Determined, e, platform,
            f => f with { Classification = submission.Classification, Version = input.Version, Late = submission.Late }, cancellation);
        return new StatusResult(status);
    }

    [Function(SelfDeterminationNames.ApplyReview)]
    public async Task<StatusResult> ApplyReview([ActivityTrigger] ReviewInput input, FunctionContext context)
    {
        var (e, review, cancellation) = (input.Event, input.Review, context.CancellationToken);
        var current = await RecordAsync(e, cancellation);
        var accepted = review.Decision == ReviewDecision.Accept;
        var status = DeterminationRules.StatusAfterReview(review.Decision);
        JsonObject Details() => new() { ["version"] = review.Version, ["reason"] = review.Reason, ["reviewId"] = review.ReviewId };
        await LogAsync(e, "review", accepted ? TimelineType.Accepted : TimelineType.Returned, status, Details(), cancellation);
        if (accepted)
        {
            await LogAsync(e, "outcome", TimelineType.Determined, status, Details(), cancellation);
        }
        await determinations.SaveAsync(current with
        {
            Status = status,
            LastReview = review,
            ReportedVersion = null,
            AcceptedVersion = accepted ? review.Version : current.AcceptedVersion,
            UpdatedAt = e.At,
        }, cancellation);
        var platform = await platforms.RequireAsync(e.PlatformId, cancellation);
        await SendAsync(accepted ? NoticeKind.Determined : NoticeKind.Returned, e, platform,
            f => f with { Version = review.Version, Reason = review.Reason, Classification = current.Classification }, cancellation);
        return new StatusResult(status);
    }

    /// <summary>A reminder (with its days before the deadline) or, without, the overdue notice.</summary>
    [Function(SelfDeterminationNames.Notice)]
    public async Task<StatusResult> Notice([ActivityTrigger] NoticeInput input, FunctionContext context)
    {
        var (e, cancellation) = (input.Event, context.CancellationToken);
        var current = await RecordAsync(e, cancellation);
        var overdue = input.DaysBefore is null;
        var status = overdue && DeterminationRules.AwaitsStatistics(current.Status) ? DeterminationStatus.Overdue : current.Status;
        await LogAsync(e, "", overdue ? TimelineType.Overdue : TimelineType.Reminder, status,
            input.DaysBefore is { } days ? new JsonObject { ["daysBefore"] = days } : null, cancellation);
        await determinations.SaveAsync(current with
        {
            Status = status,
            ReminderSentDaysBefore = input.DaysBefore ?? current.ReminderSentDaysBefore,
            UpdatedAt = e.At,
        }, cancellation);
        var platform = await platforms.RequireAsync(e.PlatformId, cancellation);
        await SendAsync(overdue ? NoticeKind.Overdue : NoticeKind.Reminder, e, platform, f => f with { DaysBefore = input.DaysBefore }, cancellation);
        return new StatusResult(status);
    }

    private async Task<DeterminationRecord> RecordAsync(ActivityEvent e, CancellationToken cancellation) =>
        await determinations.GetAsync(e.PlatformId, e.Cycle, cancellation)
        ?? throw new InvalidOperationException($"No determination record for {DeterminationRules.SelfDeterminationInstanceId(e.PlatformId, e.Cycle)}.");

    private Task LogAsync(ActivityEvent e, string suffix, TimelineType type, DeterminationStatus status, JsonObject? details, CancellationToken cancellation) =>
        determinations.AddTimelineAsync(e.PlatformId, e.Cycle,
            new TimelineEntry(suffix.Length == 0 ? e.EventId : $"{e.EventId}-{suffix}", e.At, type, status, details), cancellation);

    private Task SendAsync(NoticeKind kind, ActivityEvent e, PlatformRecord platform, Func<NoticeFacts, NoticeFacts> details, CancellationToken cancellation)
    {
        var facts = new NoticeFacts(e.EventId, DeterminationRules.SelfDeterminationInstanceId(e.PlatformId, e.Cycle), e.PlatformId, platform.Name,
            e.Cycle, Cycles.DeadlineFor(e.Cycle), e.At);
        return notifier.NotifyAsync(SelfDeterminationNotices.Notice(kind, details(facts)), cancellation);
    }
}
