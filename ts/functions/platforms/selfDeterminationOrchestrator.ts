import {
  RetryOptions,
  type OrchestrationContext,
  type OrchestrationHandler,
  type Task,
  type TimerTask,
} from 'durable-functions';
import { deadlineFor, remindersAhead } from './cycles';
import { type DeterminationStatus, type ReviewRecord, type StartedBy } from './determinationStatus';
import type {
  NoticeInput,
  OpenInput,
  OpenResult,
  ReviewInput,
  StatusResult,
  SubmissionInput,
} from './selfDeterminationActivities';

export const SELF_DETERMINATION = 'selfDetermination';
export const ACTIVITY = {
  open: 'selfDeterminationOpen',
  applySubmission: 'selfDeterminationApplySubmission',
  applyReview: 'selfDeterminationApplyReview',
  notice: 'selfDeterminationNotice',
} as const;
/** Activities only touch storage and the notification channel: a short outage is retried, not fatal. */
const ACTIVITY_RETRY = new RetryOptions(5_000, 5);
ACTIVITY_RETRY.backoffCoefficient = 2;

export const STATISTICS_EVENT = 'statistics';
export const REVIEW_EVENT = 'review';

export interface SelfDeterminationInput {
  platformId: string;
  cycle: number;
  startedBy: StartedBy;
  /** Names this run of the instance (a finished cycle can be reopened); part of every event id. */
  runId: string;
  /** A submission that is already stored, when a statistics PUT started the instance. */
  submissionVersion?: number;
}

export interface StatisticsEvent {
  version: number;
}

export interface SelfDeterminationStatus {
  status: DeterminationStatus;
  cycle: number;
  deadline: string;
  processedVersion: number;
  reportedVersion?: number;
}

/**
 * Waits for one event name. The SDK hands an event to the newest open wait of that name, and a wait that
 * lost a race (`Task.any` with a timer) stays open; so every wait made is kept, and any of them that
 * received an event is read before waiting again. No event is lost that way.
 */
class Inbox {
  private readonly open: Task[] = [];

  constructor(
    private readonly context: OrchestrationContext,
    private readonly name: string,
  ) {}

  wait(): Task {
    const task = this.context.df.waitForExternalEvent(this.name);
    this.open.push(task);
    return task;
  }

  /** Events already received, in the order the waits were made; those waits are done with. */
  take(): unknown[] {
    const received: unknown[] = [];
    for (let i = 0; i < this.open.length;) {
      const task = this.open[i];
      if (task?.isCompleted) {
        received.push(task.result);
        this.open.splice(i, 1);
      } else i++;
    }
    return received;
  }
}

function versionOf(event: unknown): number | undefined {
  const version = (event as Partial<StatisticsEvent> | null)?.version;
  return typeof version === 'number' && Number.isInteger(version) && version > 0 ? version : undefined;
}

function reviewOf(event: unknown): ReviewRecord | undefined {
  const review = event as Partial<ReviewRecord> | null;
  if (!review || typeof review.reviewId !== 'string' || typeof review.version !== 'number') return undefined;
  if (review.decision !== 'accept' && review.decision !== 'return') return undefined;
  return review as ReviewRecord;
}

/**
 * One platform's self-determination for one cycle (Decree 137, Art. 18.2). Deterministic: time only from
 * the orchestration context, all I/O in activities. Statuses: awaitingStatistics → (statistics)
 * determined | reported; awaitingStatistics → (deadline, nothing received) overdue → (late statistics) …;
 * reported → (review accept) determined | (review return) returned → (statistics) … ;
 * reported → (changed statistics) classified again.
 */
export const selfDeterminationOrchestrator: OrchestrationHandler = function* (context: OrchestrationContext) {
  const input = context.df.getInput<SelfDeterminationInput>();
  const { platformId, cycle } = input;
  const deadline = deadlineFor(cycle);
  let sequence = 0;
  const event = () => {
    const at = context.df.currentUtcDateTime.toISOString();
    return {
      platformId,
      cycle,
      at,
      eventId: `${at}-${String(sequence++).padStart(3, '0')}-${input.runId.slice(0, 8)}`,
    };
  };

  const opened = (yield context.df.callActivityWithRetry(ACTIVITY.open, ACTIVITY_RETRY, {
    ...event(),
    startedBy: input.startedBy,
    runId: input.runId,
  } satisfies OpenInput)) as OpenResult;
  let status = opened.status;
  let processedVersion = opened.processedVersion;
  let reportedVersion = opened.reportedVersion;
  const seenReviews = new Set<string>();
  const statistics = new Inbox(context, STATISTICS_EVENT);
  const reviews = new Inbox(context, REVIEW_EVENT);
  let pending: number[] = input.submissionVersion ? [input.submissionVersion] : [];
  let pendingReviews: ReviewRecord[] = [];

  const publish = () => {
    const custom: SelfDeterminationStatus = {
      status,
      cycle,
      deadline: deadline.toISOString(),
      processedVersion,
    };
    if (reportedVersion !== undefined) custom.reportedVersion = reportedVersion;
    context.df.setCustomStatus(custom);
  };
  publish();

  for (;;) {
    pending.push(
      ...statistics
        .take()
        .map(versionOf)
        .filter((v): v is number => v !== undefined),
    );
    pendingReviews.push(
      ...reviews
        .take()
        .map(reviewOf)
        .filter((r): r is ReviewRecord => r !== undefined),
    );

    // The newest submission wins; a version already handled (a duplicate event) changes nothing.
    const newest = Math.max(0, ...pending);
    pending = [];
    if (newest > processedVersion) {
      const result = (yield context.df.callActivityWithRetry(ACTIVITY.applySubmission, ACTIVITY_RETRY, {
        ...event(),
        version: newest,
      } satisfies SubmissionInput)) as StatusResult;
      status = result.status;
      processedVersion = newest;
      reportedVersion = status === 'reported' ? newest : undefined;
      pendingReviews = [];
      publish();
      continue;
    }

    // Only a review of the version waiting for review counts, once.
    const review = pendingReviews.find(
      (r) => status === 'reported' && r.version === reportedVersion && !seenReviews.has(r.reviewId),
    );
    pendingReviews = [];
    if (review) {
      seenReviews.add(review.reviewId);
      const result = (yield context.df.callActivityWithRetry(ACTIVITY.applyReview, ACTIVITY_RETRY, {
        ...event(),
        review,
      } satisfies ReviewInput)) as StatusResult;
      status = result.status;
      reportedVersion = undefined;
      publish();
      continue;
    }

    if (status === 'determined') break;

    if (status === 'reported') {
      yield context.df.Task.any([statistics.wait(), reviews.wait()]);
      continue;
    }
    // Reminders and the deadline concern a platform that has sent nothing yet; after a return, or once
    // overdue, the orchestration simply waits for statistics (late ones are still taken, marked late).
    const now = context.df.currentUtcDateTime;
    if (status !== 'awaitingStatistics' || processedVersion > 0) {
      yield statistics.wait();
      continue;
    }
    if (now.getTime() >= deadline.getTime()) {
      // Started after the deadline with nothing received: overdue at once.
      const result = (yield context.df.callActivityWithRetry(ACTIVITY.notice, ACTIVITY_RETRY, {
        ...event(),
        kind: 'overdue',
      } satisfies NoticeInput)) as StatusResult;
      status = result.status;
      publish();
      continue;
    }
    const reminder = remindersAhead(deadline, now)[0];
    const timer: TimerTask = context.df.createTimer(reminder ? reminder.at : deadline);
    const winner = (yield context.df.Task.any([statistics.wait(), timer])) as Task;
    if (winner !== timer) {
      timer.cancel();
      continue;
    }
    const notice: NoticeInput = reminder
      ? { ...event(), kind: 'reminder', daysBefore: reminder.daysBefore }
      : { ...event(), kind: 'overdue' };
    const result = (yield context.df.callActivityWithRetry(
      ACTIVITY.notice,
      ACTIVITY_RETRY,
      notice,
    )) as StatusResult;
    status = result.status;
    publish();
  }

  return { status, cycle, processedVersion };
};
