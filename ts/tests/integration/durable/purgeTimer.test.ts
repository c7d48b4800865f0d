/**
 * The daily purgeOrchestrationHistory timer against the local durable engine: it purges the history of
 * orchestrations that ended more than the retention period ago, and keeps recent and running ones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../functions/core/clock';
import { captureRegistrations } from '../../../local/functionsCore';
import { startDurableTestHost, type DurableTestHost } from '../../../local/durable/testing';

const DAY = 86_400_000;
const TIMER = {
  json: JSON.stringify({ Schedule: { AdjustForDST: true }, ScheduleStatus: null, IsPastDue: false }),
};

let host: DurableTestHost;
// The instances are made on a clock 100 days behind; the timer reads the app clock, which is now.
const t0 = Date.now() - 100 * DAY;

beforeAll(async () => {
  process.env.ORCHESTRATION_HISTORY_RETENTION_DAYS = '90';
  const app = await captureRegistrations(async () => {
    await import('../../support/apps/durableFeatures.js');
    await import('../../../functions/operations/purgeOrchestrationHistory.function.js');
  });
  host = await startDurableTestHost({ app, clock: new ManualClock(new Date(t0)) });
});

afterAll(async () => {
  await host?.stop();
  delete process.env.ORCHESTRATION_HISTORY_RETENTION_DAYS;
});

async function startAt(day: number, name: string, input?: unknown): Promise<string> {
  host.clock.set(new Date(t0 + day * DAY));
  const reply = await host.callHttp('dfClient', {
    method: 'POST',
    path: '/api/df/client',
    body: { op: 'start', name, input },
  });
  expect(reply.status).toBe(202);
  const id = reply.json<{ id: string }>().id;
  await host.engine.waitForIdle();
  return id;
}

async function exists(instanceId: string): Promise<boolean> {
  const reply = await fetch(`${host.baseUrl}/runtime/webhooks/durabletask/instances/${instanceId}`);
  return reply.status !== 404;
}

describe('purgeOrchestrationHistory', () => {
  it('purges instances that ended over 90 days ago, whenever they were created, and keeps the rest', async () => {
    const completedLongAgo = await startAt(0, 'dfSequence', ['A']);
    const failedLongAgo = await startAt(1, 'dfFails');
    const stillRunning = await startAt(2, 'dfWaitForever');
    const endedRecently = await startAt(3, 'dfWaitForever');
    const completedAfterARunningOne = await startAt(4, 'dfSequence', ['D']);
    const recent = await startAt(60, 'dfSequence', ['N']);
    host.clock.set(new Date(t0 + 50 * DAY));
    const terminated = await host.callHttp('dfClient', {
      method: 'POST',
      path: '/api/df/client',
      body: { op: 'terminate', instanceId: endedRecently, reason: 'xong / done' },
    });
    expect(terminated.status).toBe(202);
    await host.engine.waitForCompletion(endedRecently);

    await host.invokeFunction('purgeOrchestrationHistory', TIMER);

    expect(await exists(completedLongAgo)).toBe(false);
    expect(await exists(failedLongAgo)).toBe(false);
    expect(await exists(completedAfterARunningOne)).toBe(false);
    expect(await exists(stillRunning)).toBe(true);
    expect(await exists(endedRecently)).toBe(true);
    expect(await exists(recent)).toBe(true);
    expect(host.logs.some((line) => line.includes('Purged the history of 3 orchestration(s)'))).toBe(true);
  });

  it('purges nothing more when it runs again the same day', async () => {
    const before = host.logs.length;
    await host.invokeFunction('purgeOrchestrationHistory', TIMER);
    const lines = host.logs.slice(before);
    expect(lines.some((line) => line.includes('Purged the history of 0 orchestration(s)'))).toBe(true);
  });

  it('runs daily at 02:30 Vietnam time (19:30 UTC)', () => {
    const fn = host.app.functions.get('purgeOrchestrationHistory');
    const trigger = Object.values(fn?.metadata.bindings ?? {}).find(
      (binding) => binding.type === 'timerTrigger',
    );
    expect(trigger?.schedule).toBe('0 30 19 * * *');
    expect(
      Object.values(fn?.metadata.bindings ?? {}).some((binding) => binding.type === 'durableClient'),
    ).toBe(true);
  });
});
