import type { Notification } from '../notifications/notification';
import { deadlineFor } from './cycles';
import type { DeterminationStore } from './determinationStore';
import {
  awaitsStatistics,
  selfDeterminationInstanceId,
  statusAfterReview,
  statusAfterSubmission,
  type DeterminationRecord,
  type DeterminationStatus,
  type ReviewRecord,
  type StartedBy,
  type TimelineEntry,
} from './determinationStatus';
import type { PlatformStore } from './platformStore';
import { selfDeterminationNotice, type NoticeFacts, type NoticeKind } from './selfDeterminationNotices';
import type { StatisticsStore } from './statisticsStore';

/** Every activity input names its event: the orchestration's time and a sequence, stable across replays. */
interface EventInput {
  platformId: string;
  cycle: number;
  /** Orchestration time (UTC ISO) of the decision. */
  at: string;
  eventId: string;
}

export interface OpenInput extends EventInput {
  startedBy: StartedBy;
  runId: string;
}
export interface OpenResult {
  status: DeterminationStatus;
  processedVersion: number;
  reportedVersion?: number;
}
export interface SubmissionInput extends EventInput {
  version: number;
}
export interface ReviewInput extends EventInput {
  review: ReviewRecord;
}
export interface NoticeInput extends EventInput {
  kind: 'reminder' | 'overdue';
  daysBefore?: number;
}
export interface StatusResult {
  status: DeterminationStatus;
}

export interface ActivityDeps {
  platforms: PlatformStore;
  statistics: StatisticsStore;
  determinations: DeterminationStore;
  notify(notification: Notification, now: Date): Promise<void>;
}

/**
 * The work of the selfDetermination orchestration: each activity updates the determination record,
 * adds to its timeline and sends notifications. Ids come from the orchestration, so running an activity
 * twice (the host delivers at least once) leaves the same records and sends each notification once.
 */
export function selfDeterminationActivities(deps: ActivityDeps) {
  async function record(input: EventInput): Promise<DeterminationRecord> {
    const found = await deps.determinations.get(input.platformId, input.cycle);
    if (!found)
      throw new Error(
        `No determination record for ${selfDeterminationInstanceId(input.platformId, input.cycle)}`,
      );
    return found;
  }

  async function log(
    input: EventInput,
    suffix: string,
    type: TimelineEntry['type'],
    status: DeterminationStatus,
    details?: Record<string, unknown>,
  ): Promise<void> {
    const entry: TimelineEntry = {
      id: suffix ? `${input.eventId}-${suffix}` : input.eventId,
      at: input.at,
      type,
      status,
    };
    if (details) entry.details = details;
    await deps.determinations.addTimeline(input.platformId, input.cycle, entry);
  }

  async function send(kind: NoticeKind, input: EventInput, extra: Partial<NoticeFacts> = {}): Promise<void> {
    const platform = await deps.platforms.require(input.platformId);
    const at = new Date(input.at);
    const facts: NoticeFacts = {
      eventId: input.eventId,
      instanceId: selfDeterminationInstanceId(input.platformId, input.cycle),
      platformId: input.platformId,
      platformName: platform.name,
      cycle: input.cycle,
      deadline: deadlineFor(input.cycle),
      at,
      ...extra,
    };
    await deps.notify(selfDeterminationNotice(kind, facts), at);
  }

  return {
    async open(input: OpenInput): Promise<OpenResult> {
      await deps.platforms.require(input.platformId);
      const initial: DeterminationRecord = {
        platformId: input.platformId,
        cycle: input.cycle,
        instanceId: selfDeterminationInstanceId(input.platformId, input.cycle),
        status: 'awaitingStatistics',
        deadline: deadlineFor(input.cycle).toISOString(),
        startedAt: input.at,
        startedBy: input.startedBy,
        runId: input.runId,
        updatedAt: input.at,
        processedVersion: 0,
      };
      const { record: current } = await deps.determinations.open(initial);
      // Opened by this very run (also when the activity runs twice): a first start. Otherwise a reopening.
      const first = current.runId === input.runId;
      await log(input, '', first ? 'started' : 'reopened', current.status, { startedBy: input.startedBy });
      if (first) await send('started', input);
      const result: OpenResult = { status: current.status, processedVersion: current.processedVersion };
      if (current.reportedVersion !== undefined) result.reportedVersion = current.reportedVersion;
      return result;
    },

    async applySubmission(input: SubmissionInput): Promise<StatusResult & { scale: string; late: boolean }> {
      const submission = await deps.statistics.get(input.platformId, input.cycle, input.version);
      if (!submission)
        throw new Error(
          `No statistics version ${input.version} for ${input.platformId}, cycle ${input.cycle}`,
        );
      const current = await record(input);
      const status = statusAfterSubmission(submission.classification.scale);
      const next: DeterminationRecord = {
        ...current,
        status,
        processedVersion: Math.max(current.processedVersion, input.version),
        submissionVersion: input.version,
        late: submission.late,
        classification: submission.classification,
        updatedAt: input.at,
      };
      if (status === 'reported') next.reportedVersion = input.version;
      else delete next.reportedVersion;
      await deps.determinations.save(next);
      const details = {
        version: input.version,
        late: submission.late,
        scale: submission.classification.scale,
      };
      await log(input, 'received', 'statisticsReceived', current.status, details);
      await log(input, 'outcome', status === 'reported' ? 'reported' : 'determined', status, details);
      await send(status === 'reported' ? 'reported' : 'determined', input, {
        classification: submission.classification,
        version: input.version,
        late: submission.late,
      });
      return { status, scale: submission.classification.scale, late: submission.late };
    },

    async applyReview(input: ReviewInput): Promise<StatusResult> {
      const current = await record(input);
      const status = statusAfterReview(input.review.decision);
      const next: DeterminationRecord = { ...current, status, lastReview: input.review, updatedAt: input.at };
      delete next.reportedVersion;
      if (input.review.decision === 'accept') next.acceptedVersion = input.review.version;
      await deps.determinations.save(next);
      const details = {
        version: input.review.version,
        reason: input.review.reason,
        reviewId: input.review.reviewId,
      };
      if (input.review.decision === 'accept') {
        await log(input, 'review', 'accepted', status, details);
        await log(input, 'outcome', 'determined', status, details);
      } else {
        await log(input, 'review', 'returned', status, details);
      }
      const extra: Partial<NoticeFacts> = { version: input.review.version, reason: input.review.reason };
      if (current.classification) extra.classification = current.classification;
      await send(input.review.decision === 'accept' ? 'determined' : 'returned', input, extra);
      return { status };
    },

    async notice(input: NoticeInput): Promise<StatusResult> {
      const current = await record(input);
      let status = current.status;
      if (input.kind === 'overdue' && awaitsStatistics(current.status)) {
        status = 'overdue';
        await deps.determinations.save({ ...current, status, updatedAt: input.at });
      }
      const details = input.daysBefore === undefined ? undefined : { daysBefore: input.daysBefore };
      await log(input, '', input.kind, status, details);
      const extra: Partial<NoticeFacts> = {};
      if (input.daysBefore !== undefined) extra.daysBefore = input.daysBefore;
      await send(input.kind, input, extra);
      return { status };
    },
  };
}

export type SelfDeterminationActivities = ReturnType<typeof selfDeterminationActivities>;
