/**
 * Calls the app's HTTP functions the way a client would: method, path under /api, headers and body.
 * Requests are routed over the captured registrations with the host's own route matching and invoked
 * through the worker's invocation model (local/invoke.ts), so route params, bodies and responses take the
 * real paths. Functions that need a durable client get one through `durableClientData`.
 */
import { captureRegistrations, type CapturedApp } from '../../../local/functionsCore';
import { invoke, triggerBinding } from '../../../local/invoke';
import { compileRoute } from '../../../local/routes';

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  json: Record<string, unknown>;
}

export interface RequestOptions {
  key?: string;
  body?: unknown;
  /** Sent as is, instead of JSON of `body`. */
  rawBody?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

interface RpcResponse {
  statusCode?: string;
  headers?: Record<string, string>;
  body?: { bytes?: Uint8Array; string?: string };
}

export class PlatformsApi {
  durableClientData: (() => unknown) | undefined;

  constructor(readonly app: CapturedApp) {}

  static async load(load: () => Promise<unknown>): Promise<PlatformsApi> {
    return new PlatformsApi(await captureRegistrations(load));
  }

  async request(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse> {
    const url = new URL(path, 'http://127.0.0.1:7071');
    const routePath = url.pathname.replace(/^\/api\//, '');
    for (const fn of this.app.functions.values()) {
      const [name, binding] = triggerBinding(fn);
      if (binding.type !== 'httpTrigger') continue;
      const methods = (binding.methods as string[] | undefined) ?? [];
      if (!methods.includes(method.toUpperCase())) continue;
      const params = compileRoute(String(binding.route)).match(routePath);
      if (!params) continue;
      const headers: Record<string, string> = { ...options.headers };
      if (options.key !== undefined) headers['x-api-key'] = options.key;
      let body: string | undefined;
      if (options.rawBody !== undefined) body = options.rawBody;
      else if (options.body !== undefined) body = JSON.stringify(options.body);
      if (body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
      const query: Record<string, string> = {};
      url.searchParams.forEach((value, key) => (query[key] = value));
      const inputData = [
        {
          name,
          data: {
            http: {
              method,
              url: url.toString(),
              headers,
              query,
              params,
              body: body === undefined ? undefined : { string: body },
            },
          },
        },
      ];
      for (const [clientName, clientBinding] of Object.entries(fn.metadata.bindings)) {
        if (clientBinding.type !== 'durableClient') continue;
        if (!this.durableClientData) throw new Error(`${fn.name} needs a durable client`);
        inputData.push({
          name: clientName,
          data: { string: JSON.stringify(this.durableClientData()) },
        } as never);
      }
      const result = await invoke(this.app, fn, { inputData }, () => undefined);
      const rpc = (result.returnValue ?? {}) as RpcResponse;
      const text = rpc.body?.bytes ? Buffer.from(rpc.body.bytes).toString('utf8') : (rpc.body?.string ?? '');
      let json: Record<string, unknown> = {};
      try {
        json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      } catch {
        // not JSON; the text is there
      }
      const lowerHeaders: Record<string, string> = {};
      for (const [key, value] of Object.entries(rpc.headers ?? {})) lowerHeaders[key.toLowerCase()] = value;
      return { status: Number(rpc.statusCode ?? 200), headers: lowerHeaders, text, json };
    }
    throw new Error(`No function serves ${method} ${path}`);
  }
}
