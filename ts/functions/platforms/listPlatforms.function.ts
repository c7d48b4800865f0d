import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { jsonResponse, withProblems } from '../core/http';
import { authenticate, requireRegulator } from './auth';
import { platformsServices } from './platformsServices';

/** GET /api/platforms (regulator): every registered platform. */
export async function listPlatforms(request: HttpRequest): Promise<HttpResponseInit> {
  const services = platformsServices();
  requireRegulator(await authenticate(request, services.keys));
  return jsonResponse(200, { platforms: await services.platforms.list() });
}

app.http('listPlatforms', {
  methods: ['GET'],
  route: 'platforms',
  authLevel: 'anonymous',
  handler: withProblems(listPlatforms),
});
