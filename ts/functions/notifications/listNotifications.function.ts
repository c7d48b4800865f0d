import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { ForbiddenError, ValidationError } from '../core/errors';
import { jsonResponse, withProblems } from '../core/http';
import { authenticate } from '../platforms/auth';
import { platformsServices } from '../platforms/platformsServices';
import { NotificationStore } from './notificationStore';

/**
 * GET /api/notifications?platformId=&type=&limit=: the notifications sent, newest first. The regulator sees
 * all (filterable by platform); a platform's key sees only its own.
 */
export async function listNotifications(request: HttpRequest): Promise<HttpResponseInit> {
  const caller = await authenticate(request, platformsServices().keys);
  const limitText = request.query.get('limit') ?? '100';
  const limit = Number(limitText);
  if (!/^\d+$/.test(limitText) || limit < 1 || limit > 1000) {
    throw new ValidationError([{ field: 'limit', message: 'A whole number from 1 to 1000.' }]);
  }
  const asked = request.query.get('platformId') ?? undefined;
  if (caller.kind === 'platform' && asked !== undefined && asked !== caller.platformId) {
    throw new ForbiddenError('A platform may list only its own notifications.');
  }
  const platformId = caller.kind === 'platform' ? caller.platformId : asked;
  const filter: { platformId?: string; type?: string; limit: number } = { limit };
  if (platformId) filter.platformId = platformId;
  const type = request.query.get('type');
  if (type) filter.type = type;
  const notifications = await new NotificationStore().list(filter);
  return jsonResponse(200, { count: notifications.length, notifications }, { 'cache-control': 'no-store' });
}

app.http('listNotifications', {
  methods: ['GET'],
  route: 'notifications',
  authLevel: 'anonymous',
  handler: withProblems(listNotifications),
});
