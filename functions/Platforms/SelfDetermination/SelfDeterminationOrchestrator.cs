using Etransactions.Functions.Core;
using Etransactions.Functions.Core.Durable;
using Etransactions.Functions.Core.Storage;
using Etransactions.Functions.Platforms.Domain;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Etransactions.Functions.Platforms.SelfDetermination;

/// <summary>
/// One platform's self-determination for one cycle (Decree 137, Art. 18.2), instance <c>selfdet-{platformId}-{cycle}</c>.
/// awaitingStatistics → (statistics) determined | reported; awaitingStatistics → (deadlinePassed) overdue →
/// (late statistics) …; reported → (review accept) determined | (review return) returned → (statistics) …;
/// reported → (changed statistics) classified again. Reminders and the deadline are raised by
/// <see cref="CheckDeadlinesFunction"/> from the determination record: no long durable timers. A repeated or
/// late event changes nothing. All I/O is in activities.
/// </summary>
public static class SelfDeterminationOrchestrator
{
    [Function(SelfDeterminationNames.Orchestration)]
    public static Task<SelfDeterminationResult> Run([OrchestrationTrigger] TaskOrchestrationContext context, SelfDeterminationInput input) =>
        new SelfDeterminationRun(context, input).RunAsync();
}

/// <summary>The state of one run of the orchestration, rebuilt on every replay.</summary>
internal sealed class SelfDeterminationRun(TaskOrchestrationContext context, SelfDeterminationInput input)
{
    // Activities only touch storage and the notification channel: a short outage is retried, not fatal.
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(5), backoffCoefficient: 2));

    private readonly EventInbox<StatisticsEvent> _statistics = new(context, SelfDeterminationNames.StatisticsEvent);
    private readonly EventInbox<ReviewRecord> _reviews = new(context, SelfDeterminationNames.ReviewEvent);
    private readonly EventInbox<ReminderDueEvent> _reminders = new(context, SelfDeterminationNames.ReminderDueEvent);
    private readonly EventInbox<DeadlinePassedEvent> _deadlines = new(context, SelfDeterminationNames.DeadlinePassedEvent);
    private readonly HashSet<string> _seenReviews = [];
    private readonly List<ReviewRecord> _pendingReviews = [];
    private readonly DateTimeOffset _deadline = Cycles.DeadlineFor(input.Cycle);
    private StatisticsEvent? _pendingStatistics;
    private ReminderDueEvent? _pendingReminder;
    private DeadlinePassedEvent? _pendingDeadline;
    private int _sequence;
    private DeterminationStatus _status;
    private int _processedVersion;
    private int? _reportedVersion;
    private int? _reminderSent;

    public async Task<SelfDeterminationResult> RunAsync()
    {
        var opened = await context.CallActivityAsync<OpenResult>(
            SelfDeterminationNames.Open, new OpenInput(Event(input.At), input.StartedBy, input.RunId), Retry);
        (_status, _processedVersion, _reportedVersion, _reminderSent) = (opened.Status, opened.ProcessedVersion, opened.ReportedVersion, opened.ReminderSentDaysBefore);
        if (input.SubmissionVersion is { } version)
        {
            _pendingStatistics = new StatisticsEvent(version, input.At);
        }
        Publish();

        while (true)
        {
            TakeArrivedEvents();
            if (await ApplyNewestSubmissionAsync() || await ApplyReviewAsync())
            {
                continue;
            }
            if (_status == DeterminationStatus.Determined)
            {
                if (await NewerSubmissionStoredAsync())
                {
                    continue;
                }
                break;
            }
            if (await SendDueNoticeAsync())
            {
                continue;
            }
            await Task.WhenAny(_statistics.Next, _reviews.Next, _reminders.Next, _deadlines.Next);
        }
        return new SelfDeterminationResult(StatusName(_status), input.Cycle, _processedVersion);
    }

    private void TakeArrivedEvents()
    {
        while (_statistics.TryTake(out var statistics))
        {
            if (statistics is { Version: > 0 } && statistics.Version > (_pendingStatistics?.Version ?? 0))
            {
                _pendingStatistics = statistics;
            }
        }
        while (_reviews.TryTake(out var review))
        {
            if (review is not null)
            {
                _pendingReviews.Add(review);
            }
        }
        while (_reminders.TryTake(out var reminder))
        {
            if (reminder is not null && (_pendingReminder is null || reminder.DaysBefore < _pendingReminder.DaysBefore))
            {
                _pendingReminder = reminder;
            }
        }
        while (_deadlines.TryTake(out var deadline))
        {
            _pendingDeadline ??= deadline;
        }
    }

    /// <summary>The newest submission wins; a version already handled (a duplicate event) changes nothing.</summary>
    private async Task<bool> ApplyNewestSubmissionAsync()
    {
        var submission = _pendingStatistics;
        _pendingStatistics = null;
        if (submission is null || submission.Version <= _processedVersion)
        {
            return false;
        }
        var result = await context.CallActivityAsync<StatusResult>(
            SelfDeterminationNames.ApplySubmission, new SubmissionInput(Event(submission.At), submission.Version), Retry);
        _status = result.Status;
        _processedVersion = submission.Version;
        _reportedVersion = _status == DeterminationStatus.Reported ? submission.Version : null;
        _pendingReviews.Clear();
        Publish();
        return true;
    }

    /// <summary>
    /// A submission stored while this run was finishing raised its event into an instance about to complete, where
    /// it would be lost: the store is asked once more before the run ends.
    /// </summary>
    private async Task<bool> NewerSubmissionStoredAsync()
    {
        var latest = await context.CallActivityAsync<StatisticsEvent?>(
            SelfDeterminationNames.LatestSubmission, new CycleInput(input.PlatformId, input.Cycle), Retry);
        if (latest is null || latest.Version <= _processedVersion)
        {
            return false;
        }
        _pendingStatistics = latest;
        return true;
    }

    /// <summary>Only a review of the version waiting for review counts, once.</summary>
    private async Task<bool> ApplyReviewAsync()
    {
        var review = _pendingReviews.Find(r =>
            _status == DeterminationStatus.Reported && r.Version == _reportedVersion && !_seenReviews.Contains(r.ReviewId));
        _pendingReviews.Clear();
        if (review is null)
        {
            return false;
        }
        _seenReviews.Add(review.ReviewId);
        var result = await context.CallActivityAsync<StatusResult>(
            SelfDeterminationNames.ApplyReview, new ReviewInput(Event(review.ReviewedAt), review), Retry);
        _status = result.Status;
        _reportedVersion = null;
        Publish();
        return true;
    }

    /// <summary>
    /// Reminders and the deadline concern a platform that has sent nothing yet; after a return, or once overdue,
    /// the orchestration simply waits for statistics (late ones are still taken, marked late). A reminder is sent
    /// once, and only one nearer the deadline than the last one sent.
    /// </summary>
    private async Task<bool> SendDueNoticeAsync()
    {
        var (reminder, deadline) = (_pendingReminder, _pendingDeadline);
        (_pendingReminder, _pendingDeadline) = (null, null);
        if (_status != DeterminationStatus.AwaitingStatistics || _processedVersion > 0)
        {
            return false;
        }
        if (deadline is not null)
        {
            var overdue = await context.CallActivityAsync<StatusResult>(
                SelfDeterminationNames.Notice, new NoticeInput(Event(deadline.At), null), Retry);
            _status = overdue.Status;
            Publish();
            return true;
        }
        if (reminder is null || reminder.DaysBefore >= (_reminderSent ?? int.MaxValue))
        {
            return false;
        }
        await context.CallActivityAsync<StatusResult>(
            SelfDeterminationNames.Notice, new NoticeInput(Event(reminder.At), reminder.DaysBefore), Retry);
        _reminderSent = reminder.DaysBefore;
        return true;
    }

    /// <summary>An id for what happens now: the app-clock time, a sequence and the run, stable across replays.</summary>
    private ActivityEvent Event(DateTimeOffset at) =>
        new(input.PlatformId, input.Cycle, at, $"{IsoTime.Format(at)}-{_sequence++:D3}-{input.RunId[..8]}");

    private void Publish() => context.SetCustomStatus(new SelfDeterminationStatus(
        StatusName(_status), input.Cycle, IsoTime.Format(_deadline), _processedVersion, _reportedVersion));

    private static string StatusName(DeterminationStatus status) => EnumColumn.Of(status);
}
