import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { NotFoundError } from '../core/errors';
import { jsonResponse, withProblems } from '../core/http';
import { authenticate, requirePlatformOrRegulator } from './auth';
import { determinationView } from './determinationView';
import { platformsServices } from './platformsServices';
import { parseCycle } from './statisticsValidation';

/** GET /api/platforms/{id}/determinations/{cycle}: status, classification, figure used, deadline, timeline, history. */
export async function getDetermination(request: HttpRequest): Promise<HttpResponseInit> {
  const services = platformsServices();
  const platformId = request.params.id ?? '';
  requirePlatformOrRegulator(await authenticate(request, services.keys), platformId);
  const platform = await services.platforms.require(platformId);
  const cycle = parseCycle(request.params.cycle ?? '', services.clock.now());
  const [record, timeline, history, reviews] = await Promise.all([
    services.determinations.get(platformId, cycle),
    services.determinations.timeline(platformId, cycle),
    services.statistics.history(platformId, cycle),
    services.determinations.reviews(platformId, cycle),
  ]);
  if (!record && history.length === 0) {
    throw new NotFoundError(`Cycle ${cycle} has not started for this platform and no statistics were sent.`);
  }
  return jsonResponse(200, determinationView(platform, cycle, record, timeline, history, reviews), {
    'cache-control': 'no-store',
  });
}

app.http('getDetermination', {
  methods: ['GET'],
  route: 'platforms/{id}/determinations/{cycle}',
  authLevel: 'anonymous',
  handler: withProblems(getDetermination),
});
