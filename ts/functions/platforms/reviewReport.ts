import { randomUUID } from 'node:crypto';
import { ConflictError } from '../core/errors';
import type { DeterminationStore } from './determinationStore';
import type { ReviewRecord } from './determinationStatus';
import type { ReviewBody } from './schemas';

/**
 * The Ministry's review of a reported self-determination (Decree 137, Art. 18.3): only a cycle whose
 * statistics are `reported` can be reviewed, and each reported version once. The same review again is a
 * repeat (returned with `created: false`); a different one for a version already reviewed is a conflict.
 */
export async function recordRegulatorReview(
  determinations: DeterminationStore,
  platformId: string,
  cycle: number,
  body: ReviewBody,
  now: Date,
): Promise<{ review: ReviewRecord; created: boolean }> {
  const record = await determinations.get(platformId, cycle);
  if (record?.status !== 'reported' || record.reportedVersion === undefined) {
    throw new ConflictError(
      `Cycle ${cycle} of this platform is not waiting for review (status: ${record?.status ?? 'not started'}).`,
      {
        // Not `status`: that member of a problem is the HTTP status code.
        determinationStatus: record?.status ?? null,
      },
    );
  }
  const proposed: ReviewRecord = {
    reviewId: randomUUID(),
    version: record.reportedVersion,
    decision: body.decision,
    reason: body.reason,
    reviewedAt: now.toISOString(),
  };
  const result = await determinations.recordReview(platformId, cycle, proposed);
  const { review, created } = result;
  if (!created && (review.decision !== body.decision || review.reason !== body.reason)) {
    throw new ConflictError(`Version ${review.version} was already reviewed (${review.decision}).`, {
      review,
    });
  }
  return result;
}
