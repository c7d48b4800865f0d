import { type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { z } from 'zod';
import { platformsMaxBodyBytes } from '../core/config';
import { jsonResponse, readJson } from '../core/http';
import { authenticate, requirePlatform } from './auth';
import { withDurableProblems } from './durableHttp';
import { platformsServices } from './platformsServices';
import { ensureSelfDetermination, orchestrationClient } from './selfDeterminationStarter';
import { submitStatistics } from './submitStatistics';

/**
 * PUT /api/platforms/{id}/statistics/{cycle} (the platform itself): stores the statistics, then hands them
 * to the cycle's orchestration (starting it if none runs). 201 for the first submission, 200 afterwards.
 */
export async function putStatistics(
  request: HttpRequest,
  client: df.DurableClient,
  context: InvocationContext,
): Promise<HttpResponseInit> {
  const services = platformsServices();
  const platformId = request.params.id ?? '';
  requirePlatform(await authenticate(request, services.keys), platformId);
  await services.platforms.require(platformId);
  const body = await readJson(request, z.unknown(), platformsMaxBodyBytes());
  const { submission, first, changed } = await submitStatistics(
    services,
    platformId,
    request.params.cycle ?? '',
    body,
  );
  const outcome = await ensureSelfDetermination(orchestrationClient(client), services.determinations, {
    platformId,
    cycle: submission.cycle,
    startedBy: 'statistics',
    submissionVersion: submission.version,
  });
  context.log(
    `Statistics ${platformId}/${submission.cycle} v${submission.version} ${changed ? 'stored' : 'unchanged'}` +
      `${submission.late ? ' (late)' : ''}: ${submission.classification.scale}; orchestration ${outcome}`,
  );
  const determination = `/api/platforms/${platformId}/determinations/${submission.cycle}`;
  return jsonResponse(
    first ? 201 : 200,
    {
      platformId,
      cycle: submission.cycle,
      version: submission.version,
      changed,
      late: submission.late,
      submittedAt: submission.submittedAt,
      classification: submission.classification,
      determination,
    },
    { location: `/api/platforms/${platformId}/statistics/${submission.cycle}` },
  );
}

df.app.client.http('putStatistics', {
  methods: ['PUT'],
  route: 'platforms/{id}/statistics/{cycle}',
  authLevel: 'anonymous',
  handler: withDurableProblems(putStatistics),
});
