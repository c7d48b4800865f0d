import type { Classification, Scale } from './classification';

/**
 * The states of one platform's self-determination for one cycle, and the rules that move between them
 * (Art. 18.2): a platform below the thresholds has determined its scale; a large or particularly large
 * one reports to the Ministry, which reviews the report and accepts it or returns it for correction.
 */
export type DeterminationStatus = 'awaitingStatistics' | 'overdue' | 'reported' | 'returned' | 'determined';

export type ReviewDecision = 'accept' | 'return';

export interface ReviewRecord {
  reviewId: string;
  /** The submission version the review is about. */
  version: number;
  decision: ReviewDecision;
  reason: string;
  reviewedAt: string;
}

export interface DeterminationRecord {
  platformId: string;
  cycle: number;
  instanceId: string;
  status: DeterminationStatus;
  /** UTC instant submissions must arrive before. */
  deadline: string;
  startedAt: string;
  startedBy: StartedBy;
  /** The orchestration run that opened the record. */
  runId: string;
  updatedAt: string;
  /** Highest submission version taken into account. */
  processedVersion: number;
  submissionVersion?: number;
  late?: boolean;
  classification?: Classification;
  /** The version waiting for review, while `reported`. */
  reportedVersion?: number;
  acceptedVersion?: number;
  lastReview?: ReviewRecord;
}

export type StartedBy = 'timer' | 'statistics' | 'manual';

export type TimelineType =
  | 'started'
  | 'reopened'
  | 'reminder'
  | 'overdue'
  | 'statisticsReceived'
  | 'determined'
  | 'reported'
  | 'accepted'
  | 'returned';

export interface TimelineEntry {
  id: string;
  at: string;
  type: TimelineType;
  status: DeterminationStatus;
  details?: Record<string, unknown>;
}

export function statusAfterSubmission(scale: Scale): DeterminationStatus {
  return scale === 'none' ? 'determined' : 'reported';
}

export function statusAfterReview(decision: ReviewDecision): DeterminationStatus {
  return decision === 'accept' ? 'determined' : 'returned';
}

/** States in which the platform still owes statistics, so reminders and the deadline apply. */
export function awaitsStatistics(status: DeterminationStatus): boolean {
  return status === 'awaitingStatistics' || status === 'returned';
}

export function selfDeterminationInstanceId(platformId: string, cycle: number): string {
  return `selfdet-${platformId}-${cycle}`;
}
