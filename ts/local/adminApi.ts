/**
 * The host's admin API, as far as a developer needs it locally:
 * - `GET  /admin/functions` lists the functions and their triggers;
 * - `POST /admin/functions/{name}` with `{"input": "..."}` runs a non-HTTP function by hand (a timer
 *   ignores the input; a blob trigger takes the blob path; a Service Bus queue trigger the message body);
 * - `GET|POST /admin/clock` reads or moves the app clock (`{"now": "2026-01-30T17:00:00Z"}`), so a
 *   demo can walk through deadlines; timers and durable timers follow it.
 */
import type { ServerResponse } from 'node:http';
import { appClock, moveAppClockTo } from '../functions/core/clock';
import type { CapturedApp } from './functionsCore';
import { triggerBinding } from './invoke';
import type { BlobTrigger } from './triggers/blobTrigger';
import type { ServiceBusQueueTrigger } from './triggers/serviceBusQueueTrigger';
import type { TimerTrigger } from './triggers/timerTrigger';

interface Triggers {
  timers: TimerTrigger;
  blobs: BlobTrigger;
  queues: ServiceBusQueueTrigger;
}

function send(response: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    response.writeHead(status).end();
    return;
  }
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

function parseBody(body: Buffer): Record<string, unknown> | undefined {
  if (body.length === 0) return {};
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export class AdminApi {
  constructor(
    private readonly app: CapturedApp,
    private readonly triggers: Triggers,
  ) {}

  async handle(method: string, url: URL, body: Buffer, response: ServerResponse): Promise<boolean> {
    const path = url.pathname.replace(/\/+$/, '');
    if (path === '/admin/functions' && method === 'GET') {
      send(response, 200, this.list());
      return true;
    }
    const run = /^\/admin\/functions\/([^/]+)$/.exec(path);
    if (run && method === 'POST') {
      await this.run(decodeURIComponent(run[1] as string), body, response);
      return true;
    }
    if (path === '/admin/clock') {
      this.clock(method, body, response);
      return true;
    }
    if (path === '/admin/host/status' && method === 'GET') {
      send(response, 200, { state: 'Running', now: appClock.now().toISOString() });
      return true;
    }
    if (path.startsWith('/admin/')) {
      send(response, 404, { error: `No admin endpoint ${method} ${path}` });
      return true;
    }
    return false;
  }

  private list(): unknown[] {
    return [...this.app.functions.values()].map((fn) => {
      const [, binding] = triggerBinding(fn);
      // The host's own fields of a binding say nothing a developer needs here.
      const options = Object.fromEntries(
        Object.entries(binding).filter(([key]) => !['type', 'direction', 'name', 'properties'].includes(key)),
      );
      return { name: fn.name, trigger: binding.type, ...options };
    });
  }

  private async run(name: string, rawBody: Buffer, response: ServerResponse): Promise<void> {
    const fn = this.app.functions.get(name);
    if (!fn) return send(response, 404, { error: `No function named ${name}` });
    const body = parseBody(rawBody);
    if (!body)
      return send(response, 400, { error: 'The body must be a JSON object such as {"input": "..."}' });
    const input =
      typeof body.input === 'string'
        ? body.input
        : body.input === undefined
          ? ''
          : JSON.stringify(body.input);
    const { timers, blobs, queues } = this.triggers;
    let invocation: Promise<string>;
    if (timers.has(name)) invocation = timers.runNow(name);
    else if (blobs.has(name)) {
      if (!input)
        return send(response, 400, {
          error: 'Give the blob path as input, e.g. {"input": "scans/agency/file.pdf"}',
        });
      invocation = blobs.runNow(name, input);
    } else if (queues.has(name)) invocation = queues.runNow(name, input);
    else {
      const type = triggerBinding(fn)[1].type;
      return send(response, 400, { error: `${name} has a ${type}; it cannot be run by hand here` });
    }
    // Like the host, accept with 202; the body also says how the run went, which helps a developer.
    try {
      const invocationId = await invocation;
      send(response, 202, { name, invocationId, outcome: 'Succeeded' });
    } catch (error) {
      send(response, 202, {
        name,
        outcome: 'Failed',
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }

  private clock(method: string, rawBody: Buffer, response: ServerResponse): void {
    if (method === 'GET') return send(response, 200, { now: appClock.now().toISOString() });
    if (method !== 'POST') return send(response, 405);
    const body = parseBody(rawBody);
    const to = typeof body?.now === 'string' ? new Date(body.now) : undefined;
    if (!to || Number.isNaN(to.getTime()))
      return send(response, 400, { error: 'Send {"now": "<ISO-8601 time>"}' });
    moveAppClockTo(to);
    send(response, 200, { now: appClock.now().toISOString() });
  }
}
