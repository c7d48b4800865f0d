import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { platformsMaxBodyBytes } from '../core/config';
import { jsonResponse, readJson, withProblems } from '../core/http';
import { authenticate, requireRegulator } from './auth';
import { platformsServices } from './platformsServices';
import { platformPatchSchema } from './schemas';

/** PATCH /api/platforms/{id} (regulator): changes the given fields; the previous revision is kept. */
export async function updatePlatform(
  request: HttpRequest,
  context: InvocationContext,
): Promise<HttpResponseInit> {
  const services = platformsServices();
  requireRegulator(await authenticate(request, services.keys));
  const id = request.params.id ?? '';
  await services.platforms.require(id);
  const patch = await readJson(request, platformPatchSchema, platformsMaxBodyBytes());
  const platform = await services.registry.update(id, patch);
  context.log(`Platform ${id} updated to revision ${platform.revision}`);
  return jsonResponse(200, platform);
}

app.http('updatePlatform', {
  methods: ['PATCH'],
  route: 'platforms/{id}',
  authLevel: 'anonymous',
  handler: withProblems(updatePlatform),
});
