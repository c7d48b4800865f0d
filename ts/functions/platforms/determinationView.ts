import { toVietnamTime } from '../core/clock';
import { deadlineFor } from './cycles';
import type { DeterminationRecord, ReviewRecord, TimelineEntry } from './determinationStatus';
import type { PlatformRecord } from './platformStore';
import type { StoredSubmission } from './statisticsStore';

/**
 * What GET …/determinations/{cycle} shows: the status, the classification with the population figure it
 * used, the deadline, the timeline and the full statistics history. Before the orchestration has picked up
 * a stored submission the status reads `received`.
 */
export function determinationView(
  platform: PlatformRecord,
  cycle: number,
  record: DeterminationRecord | undefined,
  timeline: TimelineEntry[],
  history: StoredSubmission[],
  reviews: ReviewRecord[],
) {
  const deadline = deadlineFor(cycle);
  const current =
    record?.submissionVersion === undefined
      ? undefined
      : history.find((s) => s.version === record.submissionVersion);
  const classification = record?.classification ?? current?.classification;
  return {
    platformId: platform.id,
    platformName: platform.name,
    cycle,
    instanceId: record?.instanceId ?? null,
    status: record?.status ?? 'received',
    deadline: deadline.toISOString(),
    deadlineVietnam: toVietnamTime(deadline),
    submissionVersion: record?.submissionVersion ?? null,
    late: record?.late ?? null,
    scale: classification?.scale ?? null,
    classification: classification ?? null,
    population: classification?.population ?? null,
    acceptedVersion: record?.acceptedVersion ?? null,
    lastReview: record?.lastReview ?? null,
    updatedAt: record?.updatedAt ?? null,
    timeline: timeline.map((entry) => ({ ...entry, atVietnam: toVietnamTime(new Date(entry.at)) })),
    reviews,
    statistics: history.map((submission) => ({
      ...submission,
      submittedAtVietnam: toVietnamTime(new Date(submission.submittedAt)),
    })),
  };
}
