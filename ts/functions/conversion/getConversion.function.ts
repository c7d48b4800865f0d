import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { jsonResponse, withProblems } from '../core/http';
import { apiBase } from './apiBase';
import { conversionLookups } from './conversionServices';

/** `GET /api/conversions?blob=scans/{agencyCode}/{path}`: what became of an upload. */
export async function getConversion(request: HttpRequest): Promise<HttpResponseInit> {
  const view = await conversionLookups().conversionStatus(request.query.get('blob'), apiBase(request.url, 1));
  return jsonResponse(200, view, { 'cache-control': 'no-store' });
}

app.http('getConversion', {
  methods: ['GET'],
  route: 'conversions',
  authLevel: 'anonymous',
  handler: withProblems(getConversion),
});
