import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { jsonResponse, withProblems } from '../core/http';
import { authenticate, requirePlatformOrRegulator } from './auth';
import { platformsServices } from './platformsServices';

/** GET /api/platforms/{id}: the platform itself or the regulator. */
export async function getPlatform(request: HttpRequest): Promise<HttpResponseInit> {
  const services = platformsServices();
  const id = request.params.id ?? '';
  requirePlatformOrRegulator(await authenticate(request, services.keys), id);
  return jsonResponse(200, await services.platforms.require(id));
}

app.http('getPlatform', {
  methods: ['GET'],
  route: 'platforms/{id}',
  authLevel: 'anonymous',
  handler: withProblems(getPlatform),
});
