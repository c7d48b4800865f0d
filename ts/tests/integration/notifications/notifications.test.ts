import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAzurite, type RunningAzurite } from '../../../local/azurite';
import type { Notification } from '../../../functions/notifications/notification';
import type { NotificationPublisher } from '../../../functions/notifications/notificationPublisher';
import { NotificationStore } from '../../../functions/notifications/notificationStore';
import { notify } from '../../../functions/notifications/notify';
import { QueuePublisher } from '../../../functions/notifications/queuePublisher';
import { createStorageClients, type StorageClients } from '../../../functions/core/storage';
import { PlatformsApi } from '../../support/platforms/api';
import { registration } from '../../support/platforms/samples';

const REGULATOR = 'test-regulator-key-0123456789abcdef';

/** A publisher that keeps what it is given. */
function keeping(sent: Notification[]): NotificationPublisher {
  return {
    publish: (n) => {
      sent.push(n);
      return Promise.resolve();
    },
    close: () => Promise.resolve(),
  };
}

function sample(
  id: string,
  platformId: string,
  occurredAt: string,
  type = 'selfDetermination.reminder',
): Notification {
  return {
    id,
    type,
    occurredAt,
    occurredAtVietnam: occurredAt,
    recipients: ['platform'],
    platformId,
    subject: { vi: 'Nhắc hạn', en: 'Reminder' },
    text: { vi: 'Còn 3 ngày.', en: '3 days left.' },
    data: { cycle: 2026 },
  };
}

describe('notifications: recorded, published once, listed', () => {
  let azurite: RunningAzurite;
  let clients: StorageClients;
  let api: PlatformsApi;
  beforeAll(async () => {
    azurite = await startAzurite();
    process.env.AzureWebJobsStorage = azurite.connectionString;
    process.env.REGULATOR_API_KEY = REGULATOR;
    clients = createStorageClients({ kind: 'connectionString', connectionString: azurite.connectionString });
    api = await PlatformsApi.load(async () => {
      await import('../../../functions/platforms/registerPlatform.function');
      await import('../../../functions/notifications/listNotifications.function');
    });
  });
  afterAll(async () => {
    await azurite.stop();
  });

  it('puts the message JSON on the local notifications queue as UTF-8 text, as the local Service Bus twin does', async () => {
    const queue = clients.queue('notifications');
    const publisher = new QueuePublisher(queue);
    const note = sample('n-queue', 'p-queue', '2026-01-27T17:00:00.000Z');
    await notify(note, new Date('2026-01-27T17:00:01Z'), {
      store: new NotificationStore(clients),
      publisher,
    });
    const { receivedMessageItems } = await queue.receiveMessages({ numberOfMessages: 32 });
    expect(receivedMessageItems).toHaveLength(1);
    const text = receivedMessageItems[0]?.messageText ?? '';
    expect(JSON.parse(text)).toEqual(note);
  });

  it('sends a notification once however often it is notified, and records when', async () => {
    const sent: Notification[] = [];
    const publisher = keeping(sent);
    const store = new NotificationStore(clients);
    const note = sample('n-once', 'p-once', '2026-01-16T17:00:00.000Z');
    await notify(note, new Date('2026-01-16T17:00:01Z'), { store, publisher });
    await notify(note, new Date('2026-01-16T17:05:00Z'), { store, publisher });
    expect(sent).toHaveLength(1);
    const [listed] = await store.list({ platformId: 'p-once', limit: 10 });
    expect(listed?.publishedAt).toBe('2026-01-16T17:00:01.000Z');
  });

  it('sends again after a failed publish (recorded, not yet published)', async () => {
    const store = new NotificationStore(clients);
    const note = sample('n-retry', 'p-retry', '2026-01-16T17:00:00.000Z');
    const failing: NotificationPublisher = {
      publish: () => Promise.reject(new Error('bus down')),
      close: () => Promise.resolve(),
    };
    await expect(
      notify(note, new Date('2026-01-16T17:00:01Z'), { store, publisher: failing }),
    ).rejects.toThrow('bus down');
    const sent: Notification[] = [];
    await notify(note, new Date('2026-01-16T17:01:00Z'), {
      store,
      publisher: keeping(sent),
    });
    expect(sent.map((n) => n.id)).toEqual(['n-retry']);
  });

  it('lists for the regulator, newest first, filtered by platform and type; a platform sees only its own', async () => {
    const registered = await api.request('POST', '/api/platforms', {
      key: REGULATOR,
      body: registration('Sàn Lọc Thông Báo', 'https://loc.example.vn'),
    });
    expect(registered.status).toBe(201);
    const platformId = registered.json.id as string;
    const platformKey = registered.json.apiKey as string;
    const store = new NotificationStore(clients);
    const at = new Date('2026-02-01T00:00:00Z');
    await store.record(
      sample('a-1', platformId, '2026-01-01T00:00:00.000Z', 'selfDetermination.started'),
      at,
    );
    await store.record(sample('a-2', platformId, '2026-01-16T17:00:00.000Z'), at);
    await store.record(sample('b-1', 'other-platform', '2026-01-20T00:00:00.000Z'), at);

    const mine = await api.request('GET', `/api/notifications?platformId=${platformId}`, { key: REGULATOR });
    expect(mine.status).toBe(200);
    expect((mine.json.notifications as Notification[]).map((n) => n.id)).toEqual(['a-2', 'a-1']);
    const started = await api.request(
      'GET',
      `/api/notifications?platformId=${platformId}&type=selfDetermination.started`,
      { key: REGULATOR },
    );
    expect((started.json.notifications as Notification[]).map((n) => n.id)).toEqual(['a-1']);
    const all = await api.request('GET', '/api/notifications?limit=2', { key: REGULATOR });
    expect(all.json.count).toBe(2);

    const own = await api.request('GET', '/api/notifications', { key: platformKey });
    expect((own.json.notifications as Notification[]).every((n) => n.platformId === platformId)).toBe(true);
    expect(
      (await api.request('GET', '/api/notifications?platformId=other-platform', { key: platformKey })).status,
    ).toBe(403);
  });

  it('refuses a missing or wrong key and a bad limit', async () => {
    const none = await api.request('GET', '/api/notifications');
    expect(none.status).toBe(401);
    expect(none.headers['content-type']).toContain('application/problem+json');
    expect((await api.request('GET', '/api/notifications', { key: 'etp.x.y' })).status).toBe(401);
    const bad = await api.request('GET', '/api/notifications?limit=0', { key: REGULATOR });
    expect(bad.status).toBe(400);
    expect(bad.json.errors).toEqual([{ field: 'limit', message: 'A whole number from 1 to 1000.' }]);
  });
});
