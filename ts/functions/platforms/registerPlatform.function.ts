import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { platformsMaxBodyBytes } from '../core/config';
import { jsonResponse, readJson, withProblems } from '../core/http';
import { authenticate, requireRegulator } from './auth';
import { platformsServices } from './platformsServices';
import { platformRegistrationSchema } from './schemas';

/** POST /api/platforms (regulator): registers a platform; its API key is in the reply, shown only this once. */
export async function registerPlatform(
  request: HttpRequest,
  context: InvocationContext,
): Promise<HttpResponseInit> {
  const services = platformsServices();
  requireRegulator(await authenticate(request, services.keys));
  const registration = await readJson(request, platformRegistrationSchema, platformsMaxBodyBytes());
  const { platform, apiKey } = await services.registry.register(registration);
  context.log(`Platform ${platform.id} registered: ${platform.name}`);
  return jsonResponse(
    201,
    { ...platform, apiKey },
    { location: `/api/platforms/${platform.id}`, 'cache-control': 'no-store' },
  );
}

app.http('registerPlatform', {
  methods: ['POST'],
  route: 'platforms',
  authLevel: 'anonymous',
  handler: withProblems(registerPlatform),
});
