import { randomUUID } from 'node:crypto';
import { type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { platformsMaxBodyBytes } from '../core/config';
import { ConflictError } from '../core/errors';
import { jsonResponse, readJson } from '../core/http';
import { authenticate, requireRegulator } from './auth';
import { selfDeterminationInstanceId, type ReviewRecord } from './determinationStatus';
import { withDurableProblems } from './durableHttp';
import { platformsServices } from './platformsServices';
import { REVIEW_EVENT } from './selfDeterminationOrchestrator';
import { reviewSchema } from './schemas';
import { parseCycle } from './statisticsValidation';

/**
 * POST /api/platforms/{id}/determinations/{cycle}/review (regulator): accept or return the reported
 * statistics. The review is stored first (one per submission version; the same review again is accepted
 * as a repeat), then sent to the orchestration. 409 when the cycle is not waiting for review.
 */
export async function reviewDetermination(
  request: HttpRequest,
  client: df.DurableClient,
  context: InvocationContext,
): Promise<HttpResponseInit> {
  const services = platformsServices();
  requireRegulator(await authenticate(request, services.keys));
  const platformId = request.params.id ?? '';
  await services.platforms.require(platformId);
  const now = services.clock.now();
  const cycle = parseCycle(request.params.cycle ?? '', now);
  const body = await readJson(request, reviewSchema, platformsMaxBodyBytes());
  const record = await services.determinations.get(platformId, cycle);
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
  const { review, created } = await services.determinations.recordReview(platformId, cycle, proposed);
  if (!created && (review.decision !== body.decision || review.reason !== body.reason)) {
    throw new ConflictError(`Version ${review.version} was already reviewed (${review.decision}).`, {
      review,
    });
  }
  await client.raiseEvent(selfDeterminationInstanceId(platformId, cycle), REVIEW_EVENT, review);
  context.log(
    `Review of ${platformId}/${cycle} v${review.version}: ${review.decision}${created ? '' : ' (repeat)'}`,
  );
  return jsonResponse(202, {
    ...review,
    determination: `/api/platforms/${platformId}/determinations/${cycle}`,
  });
}

df.app.client.http('reviewDetermination', {
  methods: ['POST'],
  route: 'platforms/{id}/determinations/{cycle}/review',
  authLevel: 'anonymous',
  handler: withDurableProblems(reviewDetermination),
});
