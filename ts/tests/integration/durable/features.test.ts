/**
 * Orchestrations of the durable feature app run through the SDK's own replay on the local engine:
 * activities, retries, sub-orchestrations, fan-out/fan-in and failures, started and read through the
 * SDK's real DurableClient over the durable HTTP API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureRegistrations } from '../../../local/functionsCore';
import { startDurableTestHost, type DurableTestHost } from '../../../local/durable/testing';

interface Status {
  instanceId: string;
  runtimeStatus: string;
  input: unknown;
  output: unknown;
  customStatus: unknown;
  historyEvents?: { EventType: string; FunctionName?: string; Result?: unknown; Reason?: string }[];
}

let host: DurableTestHost;
let activityRuns: Map<string, number>;

beforeAll(async () => {
  const app = await captureRegistrations(async () => {
    ({ activityRuns } = await import('../../support/apps/durableFeatures.js'));
  });
  host = await startDurableTestHost({ app });
});

afterAll(async () => {
  await host?.stop();
});

async function client<T = unknown>(body: Record<string, unknown>): Promise<{ status: number; json: T }> {
  const reply = await host.callHttp('dfClient', { method: 'POST', path: '/api/df/client', body });
  return { status: reply.status, json: (reply.body ? JSON.parse(reply.body) : undefined) as T };
}

async function start(name: string, input?: unknown): Promise<string> {
  const reply = await client<{ id: string }>({ op: 'start', name, input });
  expect(reply.status).toBe(202);
  return reply.json.id;
}

/**
 * The status with its history, read from the durable HTTP API. (The SDK's getStatus drops the history:
 * the API names it `historyEvents` and the SDK reads `history`, as with the real extension.)
 */
async function status(instanceId: string): Promise<Status> {
  const url = `${host.baseUrl}/runtime/webhooks/durabletask/instances/${encodeURIComponent(instanceId)}`;
  const reply = await fetch(`${url}?showHistory=true&showHistoryOutput=true`);
  expect([200, 202]).toContain(reply.status);
  return (await reply.json()) as Status;
}

function eventTypes(value: Status): string[] {
  return (value.historyEvents ?? []).map((event) => event.EventType);
}

describe('activities and custom status', () => {
  it('runs activities in order and keeps the results, the custom status and Vietnamese text', async () => {
    const id = await start('dfSequence', ['Nguyễn Văn An', 'Trần Thị Bình']);
    await host.engine.waitForCompletion(id);
    const done = await status(id);
    expect(done.runtimeStatus).toBe('Completed');
    expect(done.input).toEqual(['Nguyễn Văn An', 'Trần Thị Bình']);
    expect(done.output).toEqual(['Xin chào, Nguyễn Văn An!', 'Xin chào, Trần Thị Bình!']);
    expect(done.customStatus).toEqual({ done: 2, of: 2 });
    expect(eventTypes(done)).toEqual([
      'ExecutionStarted',
      'TaskCompleted',
      'TaskCompleted',
      'ExecutionCompleted',
    ]);
    expect(done.historyEvents?.[1]).toMatchObject({
      FunctionName: 'dfHello',
      Result: 'Xin chào, Nguyễn Văn An!',
    });
    // The SDK's own client reads the same status.
    const viaSdk = await client<Status & { name: string }>({ op: 'status', instanceId: id });
    expect(viaSdk.status).toBe(200);
    expect(viaSdk.json).toMatchObject({
      name: 'dfSequence',
      instanceId: id,
      runtimeStatus: 'Completed',
      output: done.output,
    });
  });

  it('fans out to parallel activities and fans in their results in order', async () => {
    const id = await start('dfFanOut', [1, 2, 3, 4, 5]);
    const done = await host.engine.waitForCompletion(id);
    expect(done.runtimeStatus).toBe('Completed');
    expect(done.output).toEqual({ doubled: [2, 4, 6, 8, 10], sum: 30 });
  });
});

describe('retries', () => {
  it('retries a failing activity after a durable retry timer, and only when the clock reaches it', async () => {
    const id = await start('dfRetry', { failures: 2 });
    await host.engine.waitForIdle();
    const waiting = await status(id);
    // The first attempt failed; the retry waits for its timer, which the clock has not reached.
    expect(waiting.runtimeStatus).toBe('Running');
    expect(eventTypes(waiting).filter((type) => type === 'TaskFailed')).toHaveLength(1);
    expect(eventTypes(waiting)).not.toContain('TaskCompleted');

    const done = await host.advanceUntilDone(id, 1000);
    expect(done.runtimeStatus).toBe('Completed');
    expect(done.output).toEqual({ succeededOnAttempt: 3 });
    const final = await status(id);
    expect(eventTypes(final)).toEqual([
      'ExecutionStarted',
      'TaskFailed',
      'TimerCreated',
      'TimerFired',
      'TaskFailed',
      'TimerCreated',
      'TimerFired',
      'TaskCompleted',
      'ExecutionCompleted',
    ]);
    expect(final.historyEvents?.[1]?.Reason).toContain('Lần thử 1 thất bại / attempt 1 failed');
  });

  it('gives up after the last attempt and lets the orchestrator catch the error', async () => {
    const before = activityRuns.get('dfBroken') ?? 0;
    const id = await start('dfRetryExhausted');
    const done = await host.advanceUntilDone(id, 500);
    expect(done.runtimeStatus).toBe('Completed');
    expect((done.output as { caught: string }).caught).toContain('hỏng mãi / always broken');
    expect((activityRuns.get('dfBroken') ?? 0) - before).toBe(2);
  });
});

describe('sub-orchestrations', () => {
  it('runs a sub-orchestration, and retries a failing one as a new instance', async () => {
    const id = await start('dfParent', 21);
    const done = await host.advanceUntilDone(id, 1000);
    expect(done.runtimeStatus).toBe('Completed');
    expect(done.output).toEqual({
      child: { child: `${id}:0`, parent: id, doubled: 42 },
      flakyChildSucceededOnAttempt: 2,
    });
    // Task ids: 0 the first child, 1 the flaky child's first attempt, 2 its retry timer, 3 the second attempt.
    expect((await status(`${id}:0`)).runtimeStatus).toBe('Completed');
    const firstAttempt = await status(`${id}:1`);
    expect(firstAttempt.runtimeStatus).toBe('Failed');
    expect(String(firstAttempt.output)).toContain('attempt 1 failed');
    expect((await status(`${id}:3`)).runtimeStatus).toBe('Completed');
    const parentHistory = eventTypes(await status(id));
    expect(parentHistory.filter((type) => type === 'SubOrchestrationInstanceCompleted')).toHaveLength(2);
    expect(parentHistory.filter((type) => type === 'SubOrchestrationInstanceFailed')).toHaveLength(1);
  });
});

describe('failures', () => {
  it('marks an orchestrator that throws as Failed with its message', async () => {
    const id = await start('dfFails');
    const done = await host.engine.waitForCompletion(id);
    expect(done.runtimeStatus).toBe('Failed');
    expect(done.output).toContain("Orchestrator function 'dfFails' failed");
    expect(done.output).toContain('Lỗi cố ý / deliberate failure');
  });

  it('fails the orchestration when an activity fails and the orchestrator does not catch it', async () => {
    const id = await start('dfActivityFails');
    const done = await host.engine.waitForCompletion(id);
    expect(done.runtimeStatus).toBe('Failed');
    expect(done.output).toContain("Activity function 'dfBroken' failed: hỏng nặng / badly broken");
  });
});
