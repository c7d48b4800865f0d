/**
 * HTTP-triggered functions: routes, methods and the route prefix as host.json gives them, each request
 * turned into the RPC `http` typed data the worker receives, and the function's RPC response written back.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CapturedApp, RegisteredFunction } from './functionsCore';
import { triggerBinding } from './invoke';
import type { FunctionRunner } from './runner';
import { compileRoute, type CompiledRoute } from './routes';

interface HttpRoute {
  fn: RegisteredFunction;
  route: CompiledRoute;
  methods: Set<string> | undefined;
  triggerName: string;
}

interface RpcHttpResponse {
  statusCode?: string;
  headers?: Record<string, string>;
  cookies?: { name: string; value: string }[];
  body?: { bytes?: Uint8Array; string?: string };
}

export class HttpTrigger {
  private readonly routes: HttpRoute[];

  constructor(
    app: CapturedApp,
    private readonly runner: FunctionRunner,
    private readonly routePrefix: string,
  ) {
    this.routes = [...app.functions.values()]
      .filter((fn) => triggerBinding(fn)[1].type === 'httpTrigger')
      .map((fn) => {
        const [triggerName, binding] = triggerBinding(fn);
        const methods = binding.methods as string[] | undefined;
        return {
          fn,
          triggerName,
          route: compileRoute((binding.route as string | undefined) ?? fn.name),
          methods: methods?.length ? new Set(methods.map((method) => method.toUpperCase())) : undefined,
        };
      })
      .sort((a, b) => b.route.specificity - a.route.specificity);
  }

  /** The function paths this trigger serves, for the start-up banner. */
  describe(baseUrl: string): string[] {
    return this.routes.map(
      ({ fn, route, methods }) =>
        `${fn.name}: [${methods ? [...methods].join(',') : 'ANY'}] ${baseUrl}/${this.routePrefix}/${route.template}`,
    );
  }

  /** Answers the request if its path is under the route prefix; returns false otherwise. */
  async handle(request: IncomingMessage, url: URL, body: Buffer, response: ServerResponse): Promise<boolean> {
    const prefix = `/${this.routePrefix}/`;
    if (!url.pathname.startsWith(prefix) && url.pathname !== `/${this.routePrefix}`) return false;
    const path = url.pathname.slice(prefix.length);
    const method = (request.method ?? 'GET').toUpperCase();
    let allowed: string[] = [];
    for (const candidate of this.routes) {
      const params = candidate.route.match(path);
      if (!params) continue;
      if (candidate.methods && !candidate.methods.has(method)) {
        allowed = allowed.concat([...candidate.methods]);
        continue;
      }
      await this.invoke(candidate, request, url, body, params, response);
      return true;
    }
    if (allowed.length) {
      response.writeHead(405, { allow: [...new Set(allowed)].join(', ') }).end();
    } else {
      response.writeHead(404).end();
    }
    return true;
  }

  private async invoke(
    route: HttpRoute,
    request: IncomingMessage,
    url: URL,
    body: Buffer,
    params: Record<string, string>,
    response: ServerResponse,
  ): Promise<void> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const query: Record<string, string> = {};
    for (const [name, value] of url.searchParams) query[name] = value;
    const http = {
      method: request.method ?? 'GET',
      url: url.toString(),
      headers,
      query,
      params,
      body: { bytes: body },
    };
    try {
      const result = await this.runner.run(route.fn, {
        inputData: [{ name: route.triggerName, data: { http } }],
      });
      const rpc = (result.returnValue ?? {}) as RpcHttpResponse;
      const outHeaders: Record<string, string | string[]> = { ...(rpc.headers ?? {}) };
      if (rpc.cookies?.length) outHeaders['set-cookie'] = rpc.cookies.map((c) => `${c.name}=${c.value}`);
      const payload = rpc.body?.bytes ? Buffer.from(rpc.body.bytes) : Buffer.from(rpc.body?.string ?? '');
      response.writeHead(Number(rpc.statusCode ?? 200), outHeaders).end(payload);
    } catch {
      // The runner has logged the failure; like the host, the caller sees a bare 500.
      if (!response.headersSent) response.writeHead(500).end();
    }
  }
}
