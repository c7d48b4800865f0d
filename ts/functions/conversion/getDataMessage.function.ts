import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { jsonResponse, withProblems } from '../core/http';
import { apiBase } from './apiBase';
import { conversionLookups } from './conversionServices';

/** `GET /api/data-messages/{code}`: the manifest without the full text, with download links. */
export async function getDataMessage(request: HttpRequest): Promise<HttpResponseInit> {
  const view = await conversionLookups().dataMessage(request.params.code ?? '', apiBase(request.url, 2));
  return jsonResponse(200, view, { 'cache-control': 'no-store' });
}

app.http('getDataMessage', {
  methods: ['GET'],
  route: 'data-messages/{code}',
  authLevel: 'anonymous',
  handler: withProblems(getDataMessage),
});
