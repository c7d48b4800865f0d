import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { NotFoundError } from '../core/errors';
import { jsonResponse, withProblems } from '../core/http';
import { authenticate, requireRegulator } from './auth';
import { platformsServices } from './platformsServices';
import { parseYear } from './populationYear';

/**
 * GET /api/population/{year} (regulator): the year's official figure and all its versions. A platform
 * sees the figure its own determination used in that determination.
 */
export async function getPopulation(request: HttpRequest): Promise<HttpResponseInit> {
  const services = platformsServices();
  requireRegulator(await authenticate(request, services.keys));
  const year = parseYear(request.params.year ?? '', services.clock.now());
  const versions = await services.population.versions(year);
  const current = versions.at(-1);
  if (!current) throw new NotFoundError(`No population figure is recorded for ${year}.`);
  return jsonResponse(200, { year, current, versions });
}

app.http('getPopulation', {
  methods: ['GET'],
  route: 'population/{year}',
  authLevel: 'anonymous',
  handler: withProblems(getPopulation),
});
