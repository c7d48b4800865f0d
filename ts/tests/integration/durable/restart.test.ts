/**
 * Durability: an orchestration survives a restart of the engine (its history, inbox and timers are in
 * Azurite), and messages delivered twice are applied once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CapturedApp } from '../../../local/functionsCore';
import { captureRegistrations } from '../../../local/functionsCore';
import { historyEvent } from '../../../local/durable/history';
import { DurableStore } from '../../../local/durable/store';
import { startDurableTestHost, type DurableTestHost } from '../../../local/durable/testing';
import { EventType } from '../../../local/durable/types';

const DAY = 86_400_000;

let app: CapturedApp;
let activityRuns: Map<string, number>;
let host: DurableTestHost | undefined;

beforeAll(async () => {
  app = await captureRegistrations(async () => {
    ({ activityRuns } = await import('../../support/apps/durableFeatures.js'));
  });
});

afterAll(async () => {
  await host?.stop();
});

async function client(
  target: DurableTestHost,
  body: Record<string, unknown>,
): Promise<{ status: number; json: unknown }> {
  const reply = await target.callHttp('dfClient', { method: 'POST', path: '/api/df/client', body });
  return { status: reply.status, json: reply.body ? JSON.parse(reply.body) : undefined };
}

async function start(target: DurableTestHost, name: string, input?: unknown): Promise<string> {
  const reply = await client(target, { op: 'start', name, input });
  expect(reply.status).toBe(202);
  return (reply.json as { id: string }).id;
}

describe('restart', () => {
  it('resumes waiting orchestrations and their timers in a new engine over the same storage', async () => {
    const first = await startDurableTestHost({ app });
    const startedAt = first.clock.now().getTime();
    const waiting = await start(first, 'dfRace', 24);
    const sleeping = await start(first, 'dfLongTimer', 10);
    await first.engine.waitForIdle();
    await first.stop({ keepAzurite: true });

    host = await startDurableTestHost({ app, azurite: first.azurite, clock: first.clock });
    expect(host.baseUrl).not.toBe(first.baseUrl);
    const raised = await client(host, {
      op: 'raise',
      instanceId: waiting,
      event: 'approval',
      data: 'Võ Minh Khoa',
    });
    expect(raised.status).toBe(202);
    const approved = await host.engine.waitForCompletion(waiting);
    expect(approved.output).toEqual({ outcome: 'approved', by: 'Võ Minh Khoa' });

    const done = await host.advanceUntilDone(sleeping, 3 * DAY);
    expect(done.output).toEqual({
      startedAt: new Date(startedAt).toISOString(),
      wokeAt: new Date(startedAt + 12 * DAY).toISOString(),
    });
  });
});

describe('at-least-once delivery', () => {
  it('ignores a second result for the same task and does not run a finished activity again', async () => {
    const target = host as DurableTestHost;
    const id = await start(target, 'dfActivityThenEvent', 'Lý');
    await target.engine.waitForIdle();
    const runs = activityRuns.get('dfHello') ?? 0;
    const store = new DurableStore(target.storage, target.taskHub);
    const before = await store.read(id);
    const executionId = before?.record.executionId ?? '';
    expect(before?.record.history.filter((e) => e.EventType === EventType.TaskCompleted)).toHaveLength(1);

    // The same result again under another message id, and the same work item again.
    const forged = historyEvent(EventType.TaskCompleted, target.clock.now(), {
      TaskScheduledId: 0,
      Result: '"forged"',
    });
    await store.deliver(id, { id: 'redelivered', executionId, event: forged });
    await store.enqueueWorkItem({ instanceId: id, executionId, taskId: 0 });
    await client(target, { op: 'raise', instanceId: id, event: 'reply', data: 'ok' });
    const done = await target.engine.waitForCompletion(id);

    expect(done.output).toEqual({ greeting: 'Xin chào, Lý!', reply: 'ok' });
    expect(
      (await store.read(id))?.record.history.filter((e) => e.EventType === EventType.TaskCompleted),
    ).toHaveLength(1);
    await target.engine.waitForIdle();
    expect(activityRuns.get('dfHello') ?? 0).toBe(runs);
  });
});
