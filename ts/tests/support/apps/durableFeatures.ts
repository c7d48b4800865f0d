/**
 * A test-only app that exercises every durable feature the local engine supports, through the SDK's own
 * replay: activities, retries, sub-orchestrations, fan-out/fan-in, races of a timer and an event, events
 * raised before the wait, long timers, continueAsNew with carried-over events, custom status, failures.
 * `dfClient` runs any DurableClient operation, so tests go through the SDK's real HTTP client.
 */
import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import type { OrchestrationContext } from 'durable-functions';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Attempts per key, so that a flaky activity fails a given number of times and then succeeds. */
const attempts = new Map<string, number>();
/** How many times each activity ran, for at-least-once checks. */
export const activityRuns = new Map<string, number>();

function counted(name: string): void {
  activityRuns.set(name, (activityRuns.get(name) ?? 0) + 1);
}

df.app.activity('dfHello', {
  handler: (name: string) => {
    counted('dfHello');
    return `Xin chào, ${name}!`;
  },
});

df.app.activity('dfDouble', {
  handler: (n: number) => {
    counted('dfDouble');
    return n * 2;
  },
});

df.app.activity('dfFlaky', {
  handler: (input: { key: string; failures: number }) => {
    counted('dfFlaky');
    const attempt = (attempts.get(input.key) ?? 0) + 1;
    attempts.set(input.key, attempt);
    if (attempt <= input.failures) throw new Error(`Lần thử ${attempt} thất bại / attempt ${attempt} failed`);
    return attempt;
  },
});

df.app.activity('dfBroken', {
  handler: (message: string) => {
    counted('dfBroken');
    throw new Error(message);
  },
});

df.app.orchestration('dfSequence', function* (context: OrchestrationContext) {
  const names = context.df.getInput<string[]>();
  const greetings: string[] = [];
  for (const name of names) {
    greetings.push((yield context.df.callActivity('dfHello', name)) as string);
    context.df.setCustomStatus({ done: greetings.length, of: names.length });
  }
  return greetings;
});

df.app.orchestration('dfRetry', function* (context: OrchestrationContext) {
  const input = context.df.getInput<{ failures: number }>();
  const attempt = (yield context.df.callActivityWithRetry('dfFlaky', new df.RetryOptions(1000, 3), {
    key: context.df.instanceId,
    failures: input.failures,
  })) as number;
  return { succeededOnAttempt: attempt };
});

df.app.orchestration('dfRetryExhausted', function* (context: OrchestrationContext) {
  try {
    yield context.df.callActivityWithRetry(
      'dfBroken',
      new df.RetryOptions(500, 2),
      'hỏng mãi / always broken',
    );
    return 'unexpected';
  } catch (error) {
    return { caught: (error as Error).message };
  }
});

df.app.orchestration('dfChild', function* (context: OrchestrationContext) {
  const doubled = (yield context.df.callActivity('dfDouble', context.df.getInput<number>())) as number;
  return { child: context.df.instanceId, parent: context.df.parentInstanceId, doubled };
});

df.app.orchestration('dfFlakyChild', function* (context: OrchestrationContext) {
  return (yield context.df.callActivity('dfFlaky', context.df.getInput())) as number;
});

df.app.orchestration('dfParent', function* (context: OrchestrationContext) {
  const child = (yield context.df.callSubOrchestrator('dfChild', context.df.getInput<number>())) as unknown;
  const flaky = (yield context.df.callSubOrchestratorWithRetry('dfFlakyChild', new df.RetryOptions(1000, 3), {
    key: `${context.df.instanceId}:child`,
    failures: 1,
  })) as number;
  return { child, flakyChildSucceededOnAttempt: flaky };
});

df.app.orchestration('dfFanOut', function* (context: OrchestrationContext) {
  const numbers = context.df.getInput<number[]>();
  const doubled = (yield context.df.Task.all(
    numbers.map((n) => context.df.callActivity('dfDouble', n)),
  )) as number[];
  return { doubled, sum: doubled.reduce((a, b) => a + b, 0) };
});

df.app.orchestration('dfRace', function* (context: OrchestrationContext) {
  const hours = context.df.getInput<number>();
  const deadline = new Date(context.df.currentUtcDateTime.getTime() + hours * 60 * MINUTE);
  const timer = context.df.createTimer(deadline);
  const approval = context.df.waitForExternalEvent('approval');
  context.df.setCustomStatus('chờ phê duyệt / waiting for approval');
  const winner: unknown = yield context.df.Task.any([approval, timer]);
  if (winner === approval) {
    timer.cancel();
    return { outcome: 'approved', by: approval.result };
  }
  return { outcome: 'timeout', at: context.df.currentUtcDateTime.toISOString() };
});

df.app.orchestration('dfEarlyEvent', function* (context: OrchestrationContext) {
  yield context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + MINUTE));
  const go = (yield context.df.waitForExternalEvent('go')) as unknown;
  return { go };
});

df.app.orchestration('dfLongTimer', function* (context: OrchestrationContext) {
  const days = context.df.getInput<number>();
  const startedAt = context.df.currentUtcDateTime.toISOString();
  yield context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + days * DAY));
  return { startedAt, wokeAt: context.df.currentUtcDateTime.toISOString() };
});

df.app.orchestration('dfCounter', function* (context: OrchestrationContext) {
  const count = context.df.getInput<number>();
  const increment = (yield context.df.waitForExternalEvent('inc')) as number;
  const next = count + increment;
  context.df.setCustomStatus({ count: next });
  if (next < 3) {
    context.df.continueAsNew(next);
    return undefined;
  }
  return next;
});

df.app.orchestration('dfFails', function* (context: OrchestrationContext) {
  yield context.df.callActivity('dfHello', 'trước lỗi / before the failure');
  throw new Error('Lỗi cố ý / deliberate failure');
});

df.app.orchestration('dfActivityFails', function* (context: OrchestrationContext) {
  return (yield context.df.callActivity('dfBroken', 'hỏng nặng / badly broken')) as unknown;
});

df.app.orchestration('dfActivityThenEvent', function* (context: OrchestrationContext) {
  const greeting = (yield context.df.callActivity('dfHello', context.df.getInput<string>())) as string;
  const reply = (yield context.df.waitForExternalEvent('reply')) as unknown;
  return { greeting, reply };
});

df.app.orchestration('dfWaitForever', function* (context: OrchestrationContext) {
  context.df.setCustomStatus('waiting');
  return (yield context.df.waitForExternalEvent('never')) as unknown;
});

type ClientOp =
  | { op: 'start'; name: string; input?: unknown; instanceId?: string }
  | { op: 'status'; instanceId: string; showHistory?: boolean }
  | {
      op: 'list';
      runtimeStatus?: df.OrchestrationRuntimeStatus[];
      createdTimeFrom?: string;
      createdTimeTo?: string;
    }
  | { op: 'raise'; instanceId: string; event: string; data?: unknown }
  | { op: 'terminate'; instanceId: string; reason: string }
  | { op: 'purge'; instanceId: string }
  | {
      op: 'purgeBy';
      createdTimeFrom: string;
      createdTimeTo?: string;
      runtimeStatus?: df.OrchestrationRuntimeStatus[];
    }
  | { op: 'wait'; instanceId: string; timeoutMs: number };

const date = (value: string | undefined): Date | undefined => (value ? new Date(value) : undefined);

async function clientOperation(request: HttpRequest, client: df.DurableClient): Promise<HttpResponseInit> {
  const body = (await request.json()) as ClientOp;
  switch (body.op) {
    case 'start': {
      const instanceId = await client.startNew(body.name, { input: body.input, instanceId: body.instanceId });
      return client.createCheckStatusResponse(request, instanceId);
    }
    case 'status':
      return {
        jsonBody: await client.getStatus(body.instanceId, {
          showHistory: body.showHistory,
          showHistoryOutput: true,
        }),
      };
    case 'list':
      return {
        jsonBody: await client.getStatusBy({
          runtimeStatus: body.runtimeStatus,
          createdTimeFrom: date(body.createdTimeFrom),
          createdTimeTo: date(body.createdTimeTo),
        }),
      };
    case 'raise':
      await client.raiseEvent(body.instanceId, body.event, body.data);
      return { status: 202 };
    case 'terminate':
      await client.terminate(body.instanceId, body.reason);
      return { status: 202 };
    case 'purge':
      return { jsonBody: await client.purgeInstanceHistory(body.instanceId) };
    case 'purgeBy':
      return {
        jsonBody: await client.purgeInstanceHistoryBy({
          createdTimeFrom: new Date(body.createdTimeFrom),
          createdTimeTo: date(body.createdTimeTo),
          runtimeStatus: body.runtimeStatus,
        }),
      };
    case 'wait':
      return client.waitForCompletionOrCreateCheckStatusResponse(request, body.instanceId, {
        timeoutInMilliseconds: body.timeoutMs,
        retryIntervalInMilliseconds: Math.min(100, body.timeoutMs),
      });
  }
}

df.app.client.http('dfClient', {
  route: 'df/client',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: async (request: HttpRequest, client: df.DurableClient, _context: InvocationContext) => {
    try {
      return await clientOperation(request, client);
    } catch (error) {
      // Test-only: the SDK's own error message is what the tests check.
      return { status: 500, jsonBody: { error: (error as Error).message } };
    }
  },
});

// A plain HTTP function with the durable client as an extra input, the other way apps get a client.
app.http('dfStart', {
  route: 'df/start/{name}',
  methods: ['POST'],
  authLevel: 'anonymous',
  extraInputs: [df.input.durableClient()],
  handler: async (request: HttpRequest, context: InvocationContext) => {
    const client = df.getClient(context);
    const input: unknown = await request.json();
    const instanceId = await client.startNew(request.params.name ?? '', { input });
    return client.createCheckStatusResponse(request, instanceId);
  },
});
