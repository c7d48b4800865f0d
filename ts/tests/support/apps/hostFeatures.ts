/**
 * A test-only app with one function per trigger kind the local host serves, recording what each
 * received so the tests can check the host delivered it as the Functions host would.
 */
import { app, type HttpRequest, type InvocationContext, type Timer } from '@azure/functions';
import { received } from './hostFeaturesReceived';

app.http('echo', {
  methods: ['GET', 'POST'],
  route: 'items/{id:int}/{label?}',
  authLevel: 'anonymous',
  handler: async (request: HttpRequest) => ({
    status: request.method === 'POST' ? 201 : 200,
    jsonBody: {
      method: request.method,
      params: request.params,
      query: Object.fromEntries(request.query),
      header: request.headers.get('x-test'),
      body: request.method === 'POST' ? await request.text() : null,
    },
  }),
});

app.http('boom', {
  methods: ['GET'],
  route: 'boom',
  authLevel: 'anonymous',
  handler: () => {
    throw new Error('unexpected failure');
  },
});

app.timer('newYearTimer', {
  schedule: '0 5 17 31 12 *',
  handler: (timer: Timer) => {
    received().timers.push({ isPastDue: timer.isPastDue, at: new Date().toISOString() });
  },
});

app.storageBlob('inboxWatcher', {
  path: 'inbox/{folder}/{name}',
  connection: 'AzureWebJobsStorage',
  handler: (blob: unknown, context: InvocationContext) => {
    const metadata = context.triggerMetadata?.metadata as Record<string, string> | undefined;
    if (metadata?.fail === 'always') throw new Error('cannot process this blob');
    received().blobs.push({
      name: String(context.triggerMetadata?.name),
      folder: String(context.triggerMetadata?.folder),
      size: (blob as Buffer).length,
      metadata,
      blobTrigger: context.triggerMetadata?.blobTrigger,
    });
  },
});

app.serviceBusQueue('activityEvents', {
  queueName: 'activity-events',
  connection: 'ServiceBusConnection',
  handler: (message: unknown, context: InvocationContext) => {
    received().messages.push({ body: message, deliveryCount: context.triggerMetadata?.deliveryCount });
  },
});
