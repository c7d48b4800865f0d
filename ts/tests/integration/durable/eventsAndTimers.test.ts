/**
 * External events, durable timers on the test's clock, continueAsNew, suspend/resume and terminate,
 * through the SDK's replay on the local engine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureRegistrations } from '../../../local/functionsCore';
import { startDurableTestHost, type DurableTestHost } from '../../../local/durable/testing';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

interface Status {
  runtimeStatus: string;
  output: unknown;
  customStatus: unknown;
  historyEvents?: { EventType: string; FireAt?: string; Input?: unknown; Name?: string }[];
}

let host: DurableTestHost;

beforeAll(async () => {
  const app = await captureRegistrations(() => import('../../support/apps/durableFeatures.js'));
  host = await startDurableTestHost({ app });
});

afterAll(async () => {
  await host?.stop();
});

function api(path: string, init?: RequestInit): Promise<Response> {
  return fetch(`${host.baseUrl}/runtime/webhooks/durabletask/${path}`, init);
}

async function client(body: Record<string, unknown>): Promise<{ status: number; json: unknown }> {
  const reply = await host.callHttp('dfClient', { method: 'POST', path: '/api/df/client', body });
  return { status: reply.status, json: reply.body ? JSON.parse(reply.body) : undefined };
}

async function start(name: string, input?: unknown): Promise<string> {
  const reply = await client({ op: 'start', name, input });
  expect(reply.status).toBe(202);
  return (reply.json as { id: string }).id;
}

async function raise(instanceId: string, event: string, data: unknown): Promise<void> {
  const reply = await client({ op: 'raise', instanceId, event, data });
  expect(reply.status, JSON.stringify(reply.json)).toBe(202);
}

async function status(instanceId: string): Promise<Status> {
  const reply = await api(`instances/${instanceId}?showHistory=true&showHistoryOutput=true`);
  return (await reply.json()) as Status;
}

function count(value: Status, type: string): number {
  return (value.historyEvents ?? []).filter((event) => event.EventType === type).length;
}

describe('Task.any of a timer and an event', () => {
  it('lets the event win, and the cancelled timer never wakes the instance again', async () => {
    const id = await start('dfRace', 2);
    await host.engine.waitForIdle();
    const waiting = await status(id);
    expect(waiting.runtimeStatus).toBe('Running');
    expect(waiting.customStatus).toBe('chờ phê duyệt / waiting for approval');

    await raise(id, 'approval', { by: 'Phạm Thu Hà' });
    const done = await host.engine.waitForCompletion(id);
    expect(done.output).toEqual({ outcome: 'approved', by: { by: 'Phạm Thu Hà' } });

    host.clock.advance(3 * HOUR);
    await host.engine.waitForIdle();
    expect((await status(id)).output).toEqual({ outcome: 'approved', by: { by: 'Phạm Thu Hà' } });
  });

  it('lets the timer win when the clock passes the deadline first; later events are refused', async () => {
    const startedAt = host.clock.now().getTime();
    const id = await start('dfRace', 2);
    await host.engine.waitForIdle();
    host.clock.advance(HOUR);
    await host.engine.waitForIdle();
    expect((await status(id)).runtimeStatus).toBe('Running');

    host.clock.advance(HOUR);
    const done = await host.engine.waitForCompletion(id);
    expect(done.output).toEqual({ outcome: 'timeout', at: new Date(startedAt + 2 * HOUR).toISOString() });

    const late = await api(`instances/${id}/raiseEvent/approval`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ by: 'too late' }),
    });
    expect(late.status).toBe(410);
  });
});

describe('external events', () => {
  it('keeps an event raised before the orchestrator waits for it', async () => {
    // Through the test host's own helpers, as a test of an app without a client function would.
    const id = await host.startOrchestration('dfEarlyEvent');
    await host.engine.waitForIdle();
    expect(await host.raiseEvent(id, 'go', { ghiChú: 'đến sớm / early' })).toBe(202);
    await host.engine.waitForIdle();
    const early = (await host.status(id)) as Status;
    // Still on its one-minute timer, with the event kept in the history.
    expect(early.runtimeStatus).toBe('Running');
    expect(count(early, 'EventRaised')).toBe(1);

    host.clock.advance(MINUTE);
    const done = await host.engine.waitForCompletion(id);
    expect(done.output).toEqual({ go: { ghiChú: 'đến sớm / early' } });
  });
});

describe('long timers', () => {
  it('sleeps 30 days in 3-day steps and wakes when the clock reaches the 30th day', async () => {
    const startedAt = host.clock.now().getTime();
    const id = await start('dfLongTimer', 30);
    await host.engine.waitForIdle();
    for (let day = 3; day <= 27; day += 3) {
      host.clock.set(new Date(startedAt + day * DAY));
      await host.engine.waitForIdle();
    }
    host.clock.set(new Date(startedAt + 29 * DAY));
    await host.engine.waitForIdle();
    expect((await status(id)).runtimeStatus).toBe('Running');

    host.clock.set(new Date(startedAt + 30 * DAY));
    const done = await host.engine.waitForCompletion(id);
    expect(done.output).toEqual({
      startedAt: new Date(startedAt).toISOString(),
      wokeAt: new Date(startedAt + 30 * DAY).toISOString(),
    });
    const timers = ((await status(id)).historyEvents ?? []).filter(
      (event) => event.EventType === 'TimerCreated',
    );
    const expected = [3, 6, 9, 12, 15, 18, 21, 24, 30].map((day) =>
      new Date(startedAt + day * DAY).toISOString(),
    );
    expect(timers.map((timer) => timer.FireAt)).toEqual(expected);
  });
});

describe('continueAsNew, suspend and resume', () => {
  it('carries events not yet awaited into the next execution, with a fresh history each time', async () => {
    const id = await start('dfCounter', 0);
    expect((await api(`instances/${id}/suspend?reason=batch`, { method: 'POST' })).status).toBe(202);
    await host.engine.waitForIdle();
    expect((await status(id)).runtimeStatus).toBe('Suspended');

    // Three increments arrive while it is suspended, and so reach it together when it resumes.
    for (let i = 0; i < 3; i++) await raise(id, 'inc', 1);
    await host.engine.waitForIdle();
    expect((await status(id)).runtimeStatus).toBe('Suspended');

    expect((await api(`instances/${id}/resume?reason=go`, { method: 'POST' })).status).toBe(202);
    const done = await host.engine.waitForCompletion(id);
    expect(done.runtimeStatus).toBe('Completed');
    expect(done.output).toBe(3);
    expect(done.customStatus).toEqual({ count: 3 });
    const last = await status(id);
    expect(last.historyEvents?.[0]).toMatchObject({ EventType: 'ExecutionStarted', Input: 2 });
    expect(count(last, 'EventRaised')).toBe(1);
  });
});

describe('terminate', () => {
  it('terminates a waiting instance with the reason as its output, and refuses events after', async () => {
    const id = await start('dfWaitForever');
    await host.engine.waitForIdle();
    const reply = await client({
      op: 'terminate',
      instanceId: id,
      reason: 'hủy bởi cán bộ / cancelled by officer',
    });
    expect(reply.status).toBe(202);
    const done = await host.engine.waitForCompletion(id);
    expect(done.runtimeStatus).toBe('Terminated');
    expect(done.output).toBe('hủy bởi cán bộ / cancelled by officer');
    const again = await api(`instances/${id}/terminate?reason=again`, { method: 'POST' });
    expect(again.status).toBe(410);
  });
});
