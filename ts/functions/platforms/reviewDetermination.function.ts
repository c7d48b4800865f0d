import { type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { platformsMaxBodyBytes } from '../core/config';
import { jsonResponse, readJson } from '../core/http';
import { authenticate, requireRegulator } from './auth';
import { selfDeterminationInstanceId } from './determinationStatus';
import { withDurableProblems } from './durableHttp';
import { platformsServices } from './platformsServices';
import { recordRegulatorReview } from './reviewReport';
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
  const { review, created } = await recordRegulatorReview(
    services.determinations,
    platformId,
    cycle,
    body,
    now,
  );
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
