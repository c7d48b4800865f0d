import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { appClock } from '../core/clock';
import { jsonResponse, withProblems } from '../core/http';
import { storage } from '../core/storage';
import { appVersion } from '../core/version';
import { checkStorage } from './checkStorage';

export async function health(_request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const report = await checkStorage(storage(), appVersion(), appClock.now());
  if (report.status !== 'healthy') {
    const down = Object.entries(report.checks)
      .filter(([, check]) => check.status === 'down')
      .map(([name]) => name);
    context.warn(`Health check: storage down: ${down.join(', ')}`);
    return jsonResponse(503, { ...report, down }, { 'cache-control': 'no-store' });
  }
  return jsonResponse(200, report, { 'cache-control': 'no-store' });
}

app.http('health', {
  methods: ['GET'],
  route: 'health',
  authLevel: 'anonymous',
  handler: withProblems(health),
});
