import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { jsonResponse, withProblems } from '../core/http';
import { authenticate, requirePlatformOrRegulator } from './auth';
import { platformsServices } from './platformsServices';

/**
 * POST /api/platforms/{id}/keys: a new key for the platform, shown once; every earlier key stops working.
 * The platform rotates its own key; the regulator can issue one to a platform that lost its key.
 */
export async function rotatePlatformKey(
  request: HttpRequest,
  context: InvocationContext,
): Promise<HttpResponseInit> {
  const services = platformsServices();
  const id = request.params.id ?? '';
  requirePlatformOrRegulator(await authenticate(request, services.keys), id);
  const { apiKey, keyId, revoked } = await services.registry.rotateKey(id);
  context.log(`Platform ${id}: key ${keyId} issued, ${revoked} revoked`);
  return jsonResponse(
    201,
    { platformId: id, keyId, apiKey, revokedKeys: revoked },
    { 'cache-control': 'no-store' },
  );
}

app.http('rotatePlatformKey', {
  methods: ['POST'],
  route: 'platforms/{id}/keys',
  authLevel: 'anonymous',
  handler: withProblems(rotatePlatformKey),
});
