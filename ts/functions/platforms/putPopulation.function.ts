import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { platformsMaxBodyBytes } from '../core/config';
import { ValidationError } from '../core/errors';
import { jsonResponse, readJson, withProblems } from '../core/http';
import { authenticate, requireRegulator } from './auth';
import { platformsServices } from './platformsServices';
import { parseYear } from './populationYear';
import { populationSchema } from './schemas';

/** PUT /api/population/{year} (regulator): records the official figure; a different figure is a new version. */
export async function putPopulation(
  request: HttpRequest,
  context: InvocationContext,
): Promise<HttpResponseInit> {
  const services = platformsServices();
  requireRegulator(await authenticate(request, services.keys));
  const now = services.clock.now();
  const year = parseYear(request.params.year ?? '', now);
  const body = await readJson(request, populationSchema, platformsMaxBodyBytes());
  const today = new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
  if (body.announcedOn > today)
    throw new ValidationError([{ field: 'announcedOn', message: `${body.announcedOn} is in the future.` }]);
  const { figure, created } = await services.population.put(year, body, now);
  if (created)
    context.log(`Population ${year} version ${figure.version}: ${figure.value} (${figure.source})`);
  return jsonResponse(created ? 201 : 200, { ...figure, changed: created });
}

app.http('putPopulation', {
  methods: ['PUT'],
  route: 'population/{year}',
  authLevel: 'anonymous',
  handler: withProblems(putPopulation),
});
