/**
 * A durable test host: Azurite in memory, the durable engine over a captured app, and its HTTP API on a
 * free port, so that tests drive orchestrations through the SDK's real replay and its real DurableClient.
 * Time is a ManualClock the test moves; durable timers fire when it passes them.
 *
 *   const app = await captureRegistrations(() => import('./myApp'));
 *   const host = await startDurableTestHost({ app });
 *   const id = await host.startOrchestration('selfDetermination', input);   // or host.callHttp(...) a starter
 *   await host.engine.waitForIdle(); await host.raiseEvent(id, 'approved', {...});
 *   host.clock.advance(30 * DAY); const done = await host.engine.waitForCompletion(id);
 *   await host.stop();
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ManualClock } from '../../functions/core/clock';
import { createStorageClients, type StorageClients } from '../../functions/core/storage';
import { startAzurite, type RunningAzurite } from '../azurite';
import type { CapturedApp, TypedData } from '../functionsCore';
import { bindingsOfType, invoke, triggerBinding, type InvocationResult } from '../invoke';
import { WEBHOOK_PATH } from './clientData';
import { DurableEngine } from './engine';
import type { InstanceStatus } from './status';
import { isTerminal } from './types';

export interface DurableTestHostOptions {
  app: CapturedApp;
  /** Defaults to a ManualClock at 2025-01-01T00:00:00Z. */
  clock?: ManualClock;
  taskHub?: string;
  /** An Azurite to reuse (to restart the engine over the same data); one is started in memory otherwise. */
  azurite?: RunningAzurite;
  pollIntervalMs?: number;
}

export interface HttpCall {
  method?: string;
  /** Path and query, e.g. /api/orders/1?x=y. */
  path?: string;
  headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
  /** Route parameters, as the host would extract them. */
  params?: Record<string, string>;
}

export interface HttpReply {
  status: number;
  headers: Record<string, string>;
  body: string;
  json<T = unknown>(): T;
}

export interface DurableTestHost {
  app: CapturedApp;
  engine: DurableEngine;
  clock: ManualClock;
  azurite: RunningAzurite;
  storage: StorageClients;
  taskHub: string;
  /** Origin of the durable HTTP API, e.g. http://127.0.0.1:41234. */
  baseUrl: string;
  /** One line per log message of the invoked functions: "level function: message". */
  logs: string[];
  /** Starts an orchestration through the durable HTTP API; returns its instance id. */
  startOrchestration(name: string, input?: unknown, instanceId?: string): Promise<string>;
  /** Raises an event through the durable HTTP API; returns the status code (202, 404 or 410). */
  raiseEvent(instanceId: string, eventName: string, data?: unknown): Promise<number>;
  /** The instance's status (with its history) from the durable HTTP API, or undefined when unknown. */
  status(instanceId: string): Promise<InstanceStatus | undefined>;
  /** Invokes an HTTP-triggered function (a df.app.client.http starter, say) with its durable client input. */
  callHttp(functionName: string, call?: HttpCall): Promise<HttpReply>;
  /** Invokes any function, giving it the trigger data and (if it has one) its durable client input. */
  invokeFunction(functionName: string, trigger?: TypedData): Promise<InvocationResult>;
  /** Advances the clock by `stepMs` whenever the engine is idle, until the instance has finished. */
  advanceUntilDone(instanceId: string, stepMs: number, maxSteps?: number): Promise<InstanceStatus>;
  /** Stops the engine and the HTTP server, and Azurite unless asked to keep it. */
  stop(options?: { keepAzurite?: boolean }): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function toHeaders(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (Array.isArray(value)) value.forEach((item) => headers.append(name, item));
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

interface RpcHttpResponse {
  statusCode?: string | number;
  headers?: Record<string, string>;
  body?: TypedData;
}

function decodeBody(body: TypedData | undefined): string {
  if (!body) return '';
  if (body.bytes !== undefined) return Buffer.from(body.bytes).toString('utf8');
  if (body.string !== undefined) return body.string;
  return '';
}

export async function startDurableTestHost(options: DurableTestHostOptions): Promise<DurableTestHost> {
  const azurite = options.azurite ?? (await startAzurite());
  // App code reads its storage from the environment, as it does under the real host.
  process.env.AzureWebJobsStorage = azurite.connectionString;
  const storage = createStorageClients({
    kind: 'connectionString',
    connectionString: azurite.connectionString,
  });
  const clock = options.clock ?? new ManualClock('2025-01-01T00:00:00Z');
  const taskHub = options.taskHub ?? 'testhub';
  const { app } = options;
  const logs: string[] = [];
  const run = (
    fn: Parameters<typeof invoke>[1],
    request: Parameters<typeof invoke>[2],
  ): Promise<InvocationResult> =>
    invoke(app, fn, request, (level, functionName, _id, message) => {
      logs.push(`${level} ${functionName}: ${message}`);
    });

  // Filled in once the server's port is known (the engine needs its base URL).
  const serving: { engine?: DurableEngine } = {};
  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const engine = serving.engine;
      if (!engine?.handles(url.pathname)) {
        response.writeHead(404).end();
        return;
      }
      const reply = await engine.handleHttp({
        method: request.method ?? 'GET',
        url: new URL(url.pathname + url.search, baseUrl),
        headers: toHeaders(request),
        body: await readBody(request),
      });
      response.writeHead(reply.status, reply.headers).end(reply.body);
    })().catch((error: unknown) => {
      response.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const started = new DurableEngine({
    app,
    storage,
    taskHub,
    clock,
    baseUrl,
    run,
    pollIntervalMs: options.pollIntervalMs ?? 25,
    log: (message) => logs.push(`durable: ${message}`),
  });
  serving.engine = started;
  await started.start();

  const functionNamed = (name: string) => {
    const fn = app.functions.get(name);
    if (!fn) throw new Error(`No function named ${name} in the captured app`);
    return fn;
  };
  const clientInputs = (fn: ReturnType<typeof functionNamed>) =>
    bindingsOfType(fn, 'durableClient').map(([name]) => ({
      name,
      data: { string: JSON.stringify(started.clientBindingData()) },
    }));

  const host: DurableTestHost = {
    app,
    engine: started,
    clock,
    azurite,
    storage,
    taskHub,
    baseUrl,
    logs,
    async startOrchestration(name, input, instanceId) {
      const path = `orchestrators/${encodeURIComponent(name)}${instanceId ? `/${encodeURIComponent(instanceId)}` : ''}`;
      const reply = await fetch(`${baseUrl}${WEBHOOK_PATH}/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: input === undefined ? '' : JSON.stringify(input),
      });
      if (reply.status !== 202)
        throw new Error(`Starting ${name} failed: ${reply.status} ${await reply.text()}`);
      return ((await reply.json()) as { id: string }).id;
    },
    async raiseEvent(instanceId, eventName, data) {
      const path = `instances/${encodeURIComponent(instanceId)}/raiseEvent/${encodeURIComponent(eventName)}`;
      const reply = await fetch(`${baseUrl}${WEBHOOK_PATH}/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(data ?? null),
      });
      return reply.status;
    },
    async status(instanceId) {
      const query = 'showHistory=true&showHistoryOutput=true';
      const reply = await fetch(
        `${baseUrl}${WEBHOOK_PATH}/instances/${encodeURIComponent(instanceId)}?${query}`,
      );
      return reply.status === 404 ? undefined : ((await reply.json()) as InstanceStatus);
    },
    async callHttp(functionName, call = {}) {
      const fn = functionNamed(functionName);
      const [triggerName] = triggerBinding(fn);
      const body =
        call.body === undefined
          ? undefined
          : typeof call.body === 'string'
            ? call.body
            : JSON.stringify(call.body);
      const headers = {
        ...(typeof call.body === 'object' ? { 'content-type': 'application/json' } : {}),
        ...call.headers,
      };
      const http = {
        method: call.method ?? 'GET',
        url: `${baseUrl}${call.path ?? '/'}`,
        headers,
        params: call.params ?? {},
        ...(body === undefined ? {} : { body: { string: body } }),
      };
      const result = await run(fn, {
        inputData: [{ name: triggerName, data: { http } }, ...clientInputs(fn)],
      });
      const reply = (result.returnValue ?? {}) as RpcHttpResponse;
      const text = decodeBody(reply.body);
      return {
        status: Number(reply.statusCode ?? 200),
        headers: reply.headers ?? {},
        body: text,
        json: <T>() => JSON.parse(text) as T,
      };
    },
    async invokeFunction(functionName, trigger = {}) {
      const fn = functionNamed(functionName);
      const [triggerName] = triggerBinding(fn);
      return run(fn, { inputData: [{ name: triggerName, data: trigger }, ...clientInputs(fn)] });
    },
    async advanceUntilDone(instanceId, stepMs, maxSteps = 100) {
      for (let step = 0; step <= maxSteps; step++) {
        await started.waitForIdle();
        const stored = await started.waitForCompletion(instanceId, 1).catch(() => undefined);
        if (stored && isTerminal(stored.runtimeStatus)) return stored;
        clock.advance(stepMs);
      }
      throw new Error(`Instance ${instanceId} did not finish after ${maxSteps} steps of ${stepMs} ms`);
    },
    async stop(stopOptions = {}) {
      await started.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!stopOptions.keepAzurite) await azurite.stop();
    },
  };
  return host;
}
