/**
 * The local host: every captured registration of the app served in-process, as the Functions host
 * would serve it — HTTP on 127.0.0.1:7071 under the route prefix, blob triggers by polling, timers by
 * schedule, Service Bus queues from Azurite queues, orchestrations through the durable engine, and the
 * admin API to run any non-HTTP function by hand.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appClock } from '../functions/core/clock';
import { LOCAL_HOST_MARKER, durableTaskHub } from '../functions/core/config';
import { createStorageClients, type StorageClients } from '../functions/core/storage';
import { appRoot } from '../functions/core/version';
import { AdminApi } from './adminApi';
import { DurableEngine } from './durable/engine';
import { captureRegistrations, type CapturedApp } from './functionsCore';
import { HttpTrigger } from './httpTrigger';
import { FunctionRunner, type LineLogger } from './runner';
import { BlobTrigger } from './triggers/blobTrigger';
import { ServiceBusQueueTrigger } from './triggers/serviceBusQueueTrigger';
import { TimerTrigger } from './triggers/timerTrigger';

export interface LocalHostOptions {
  /** Imports the app's registration files; or give `app`, registrations captured before. */
  loadApp?: () => Promise<unknown>;
  app?: CapturedApp;
  /** Storage the app and the host use (Azurite). */
  connectionString: string;
  host?: string;
  /** 7071 by default, as `func start`; 0 picks a free port. */
  port?: number;
  log?: LineLogger;
  blobPollMs?: number;
  /** First wait before a failed blob is tried again; it doubles each attempt. */
  blobRetryBaseMs?: number;
  queuePollMs?: number;
}

/** Largest request body the host accepts, as the Functions host's default limit. */
const MAX_REQUEST_BYTES = 100 * 1024 * 1024;

function routePrefix(): string {
  try {
    const hostJson = JSON.parse(readFileSync(join(appRoot(), 'host.json'), 'utf8')) as {
      extensions?: { http?: { routePrefix?: string } };
    };
    return hostJson.extensions?.http?.routePrefix ?? 'api';
  } catch {
    return 'api';
  }
}

const DURABLE_BINDINGS = new Set([
  'orchestrationTrigger',
  'activityTrigger',
  'entityTrigger',
  'durableClient',
]);

export class LocalHost {
  private constructor(
    readonly url: string,
    readonly app: CapturedApp,
    readonly runner: FunctionRunner,
    readonly storage: StorageClients,
    readonly engine: DurableEngine | undefined,
    private readonly server: Server,
    private readonly parts: { stop(): Promise<void> }[],
    private readonly log: LineLogger,
  ) {}

  static async start(options: LocalHostOptions): Promise<LocalHost> {
    const log = options.log ?? ((line: string) => console.log(`${new Date().toISOString()} ${line}`));
    process.env[LOCAL_HOST_MARKER] = 'true';
    process.env.AzureWebJobsStorage = options.connectionString;
    const storage = createStorageClients({
      kind: 'connectionString',
      connectionString: options.connectionString,
    });
    const app = options.app ?? (await captureRegistrations(options.loadApp ?? (() => undefined)));
    const runner = new FunctionRunner(app, log);

    const server = createServer();
    const host = options.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 7071, host, () => resolve());
    });
    const url = `http://${host}:${(server.address() as AddressInfo).port}`;

    const needsDurable = [...app.functions.values()].some((fn) =>
      Object.values(fn.metadata.bindings).some((binding) => DURABLE_BINDINGS.has(binding.type)),
    );
    const engine = needsDurable
      ? new DurableEngine({
          app,
          storage,
          taskHub: durableTaskHub(),
          clock: appClock,
          baseUrl: url,
          run: runner.run,
          log: (message) => log(`durable: ${message}`),
        })
      : undefined;
    if (engine) runner.durableClientData = () => engine.clientBindingData();

    const http = new HttpTrigger(app, runner, routePrefix());
    const timers = new TimerTrigger(app, runner, appClock, storage.table('LocalHostTimers'), log);
    const blobs = new BlobTrigger(
      app,
      runner,
      storage.blobs,
      storage.queues,
      storage.table('LocalHostBlobReceipts'),
      log,
      options.blobPollMs,
      options.blobRetryBaseMs,
    );
    const queues = new ServiceBusQueueTrigger(app, runner, storage.queues, log, options.queuePollMs);
    const admin = new AdminApi(app, { timers, blobs, queues });

    server.removeAllListeners('error');
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      void serve(request, response).catch((error: unknown) => {
        log(`Request ${request.method} ${request.url} failed in the host: ${String(error)}`);
        if (!response.headersSent) response.writeHead(500).end();
      });
    });
    async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
      const requestUrl = new URL(request.url ?? '/', url);
      const body = await readBody(request);
      if (body === undefined) {
        response.writeHead(413).end();
        return;
      }
      if (engine?.handles(requestUrl.pathname)) {
        const headers = new Headers();
        for (const [name, value] of Object.entries(request.headers)) {
          if (typeof value === 'string') headers.set(name, value);
        }
        const reply = await engine.handleHttp({
          method: request.method ?? 'GET',
          url: requestUrl,
          headers,
          body,
        });
        response.writeHead(reply.status, reply.headers).end(reply.body);
        return;
      }
      if (await admin.handle(request.method ?? 'GET', requestUrl, body, response)) return;
      if (await http.handle(request, requestUrl, body, response)) return;
      response.writeHead(404).end();
    }

    await engine?.start();
    await timers.start();
    await blobs.start();
    await queues.start();
    for (const line of [
      ...http.describe(url),
      ...timers.describe(),
      ...blobs.describe(),
      ...queues.describe(),
    ]) {
      log(`  ${line}`);
    }
    // Stopped in reverse: triggers first so nothing new starts, then the engine, then the server.
    return new LocalHost(url, app, runner, storage, engine, server, [queues, blobs, timers], log);
  }

  async stop(): Promise<void> {
    for (const part of this.parts) await part.stop();
    await this.engine?.stop();
    await this.runner.drain();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.log('Local host stopped');
  }
}

async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_REQUEST_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
