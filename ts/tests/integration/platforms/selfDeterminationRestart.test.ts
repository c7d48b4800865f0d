import { afterAll, describe, expect, it } from 'vitest';
import type { Notification } from '../../../functions/notifications/notification';
import {
  instanceStatus,
  raiseEvent,
  REGULATOR,
  registered,
  runYearlyTimer,
  startPlatformsHost,
  SyncedClock,
  withPopulation,
  type PlatformsHost,
} from '../../support/platforms/platformsHost';
import { statisticsBody } from '../../support/platforms/samples';

/** The engine stops in the middle of a cycle and a new one carries on over the same storage. */
let running: PlatformsHost | undefined;
afterAll(async () => {
  await running?.stop();
});

describe('selfDetermination across engine restarts', () => {
  it('keeps its timers and events: reminders fire and a submission is taken by the next engine', async () => {
    const first = await startPlatformsHost({ start: '2025-12-31T17:05:00Z' });
    running = first;
    await withPopulation(first.api);
    const platform = await registered(first.api, 'Sàn Khởi Động Lại', 'https://khoidonglai.example.vn');
    const instanceId = `selfdet-${platform.id}-2026`;
    await runYearlyTimer(first);
    await first.stop({ keepAzurite: true });

    // A new engine, started after the 14-day reminder was due.
    const second = await startPlatformsHost({
      clock: new SyncedClock('2026-01-16T17:30:00Z'),
      azurite: first.host.azurite,
    });
    running = second;
    await second.host.engine.waitForIdle();
    const list = async (running: PlatformsHost) =>
      (
        (await running.api.request('GET', `/api/notifications?platformId=${platform.id}`, { key: REGULATOR }))
          .json.notifications as Notification[]
      )
        .reverse()
        .map((n) => `${n.type.replace('selfDetermination.', '')}@${n.occurredAt}`);
    // The reminder that fell due while no engine ran is sent when the new one takes over.
    expect(await list(second)).toEqual([
      'started@2025-12-31T17:05:00.000Z',
      'reminder@2026-01-16T17:30:00.000Z',
    ]);

    // The submission is stored and its event sent; the engine stops before it runs the orchestration.
    const reply = await second.api.request('PUT', `/api/platforms/${platform.id}/statistics/2026`, {
      key: platform.key,
      body: statisticsBody('2025-01', 4_000_000),
    });
    expect(reply.status).toBe(201);
    await second.stop({ keepAzurite: true });

    const third = await startPlatformsHost({
      clock: new SyncedClock('2026-01-18T00:00:00Z'),
      azurite: first.host.azurite,
    });
    running = third;
    await third.host.engine.waitForIdle();
    const url = `/api/platforms/${platform.id}/determinations/2026`;
    expect((await third.api.request('GET', url, { key: REGULATOR })).json).toMatchObject({
      status: 'reported',
      scale: 'large',
    });
    expect(
      (
        await third.api.request('POST', `${url}/review`, {
          key: REGULATOR,
          body: { decision: 'accept', reason: 'Hợp lệ' },
        })
      ).status,
    ).toBe(202);
    await third.host.engine.waitForIdle();
    const final = (await third.api.request('GET', url, { key: REGULATOR })).json;
    expect(final.status).toBe('determined');
    expect((final.timeline as { type: string }[]).map((e) => e.type)).toEqual([
      'started',
      'reminder',
      'statisticsReceived',
      'reported',
      'accepted',
      'determined',
    ]);
    expect(await instanceStatus(third, instanceId)).toMatchObject({ runtimeStatus: 'Completed' });
    // The 3-day reminder was cancelled with the timer the submission won against.
    third.clock.set('2026-01-28T00:00:00Z');
    await third.host.engine.waitForIdle();
    expect((await list(third)).map((line) => line.split('@')[0])).toEqual([
      'started',
      'reminder',
      'reported',
      'determined',
    ]);
  });

  it('retries a failed activity: an event naming a version not stored yet succeeds once it is stored', async () => {
    await running?.stop();
    const host = await startPlatformsHost({ start: '2026-01-06T03:00:00Z' });
    running = host;
    await withPopulation(host.api);
    const platform = await registered(host.api, 'Sàn Thử Lại', 'https://thulai.example.vn');
    const url = `/api/platforms/${platform.id}/statistics/2026`;
    const instanceId = `selfdet-${platform.id}-2026`;
    expect(
      (await host.api.request('PUT', url, { key: platform.key, body: statisticsBody('2025-01', 4_000_000) }))
        .status,
    ).toBe(201);
    await host.host.engine.waitForIdle();
    // Version 2 is announced before it exists: the activity fails and is retried 5 s later (orchestration time).
    await raiseEvent(host, instanceId, 'statistics', { version: 2 });
    await host.host.engine.waitForIdle();
    expect(await instanceStatus(host, instanceId)).toMatchObject({
      runtimeStatus: 'Running',
      customStatus: { processedVersion: 1 },
    });
    const stored = await host.api.request('PUT', url, {
      key: platform.key,
      body: statisticsBody('2025-01', 12_000_000),
    });
    expect(stored.json).toMatchObject({ version: 2 });
    host.clock.advance(5_000);
    await host.host.engine.waitForIdle();
    const state = (
      await host.api.request('GET', `/api/platforms/${platform.id}/determinations/2026`, {
        key: REGULATOR,
      })
    ).json;
    expect(state).toMatchObject({ status: 'reported', submissionVersion: 2, scale: 'particularlyLarge' });
    expect((state.timeline as { type: string }[]).map((e) => e.type)).toEqual([
      'started',
      'statisticsReceived',
      'reported',
      'statisticsReceived',
      'reported',
    ]);
  });
});
