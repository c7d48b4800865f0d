/**
 * The durable HTTP API under /runtime/webhooks/durabletask/, with the routes, status codes and bodies of
 * the Durable extension's HttpApiHandler, so that the SDK's DurableClient and the URLs of
 * createCheckStatusResponse work unchanged. Errors are RFC 9457 problem details.
 */
import { AppError } from '../../functions/core/errors';
import { problemResponse } from '../../functions/core/problem';
import type { Clock } from '../../functions/core/clock';
import { managementPayload, WEBHOOK_PATH, type ManagementPayload } from './clientData';
import type { InstanceService } from './instances';
import type { InstanceStatus } from './status';
import { isTerminal, RUNTIME_STATUSES, type RuntimeStatus } from './types';

export interface DurableHttpRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: Buffer;
}

export interface DurableHttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

const STATUS_BY_KIND: Record<string, number> = { validation: 400, 'not-found': 404, conflict: 409 };
const TITLES: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ / Bad request',
  404: 'Không tìm thấy / Not found',
  409: 'Xung đột / Conflict',
  410: 'Đã kết thúc / Gone',
  412: 'Không đủ điều kiện / Precondition failed',
  500: 'Lỗi hệ thống / Internal error',
  501: 'Chưa hỗ trợ / Not implemented',
};
const KINDS: Record<number, string> = {
  400: 'validation',
  404: 'not-found',
  409: 'conflict',
  410: 'gone',
  412: 'precondition-failed',
  500: 'internal',
  501: 'not-implemented',
};

function problem(
  status: number,
  detail: string,
  extensions: Record<string, unknown> = {},
): DurableHttpResponse {
  const init = problemResponse(
    status,
    KINDS[status] ?? 'error',
    TITLES[status] ?? 'Error',
    detail,
    extensions,
  );
  return {
    status,
    headers: init.headers as Record<string, string>,
    body: typeof init.body === 'string' ? init.body : '',
  };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): DurableHttpResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  };
}

function empty(status: number): DurableHttpResponse {
  return { status, headers: {}, body: '' };
}

/** bool.TryParse: only "true"/"false" count; anything else is "not given". */
function flag(url: URL, name: string): boolean | undefined {
  const value = url.searchParams.get(name)?.toLowerCase();
  return value === 'true' ? true : value === 'false' ? false : undefined;
}

function date(url: URL, name: string): Date | undefined {
  const value = url.searchParams.get(name);
  if (!value) return undefined;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

function statuses(url: URL): RuntimeStatus[] | undefined {
  const asked = url.searchParams
    .getAll('runtimeStatus')
    .flatMap((value) => value.split(','))
    .map((value) => RUNTIME_STATUSES.find((status) => status.toLowerCase() === value.trim().toLowerCase()))
    .filter((status): status is RuntimeStatus => status !== undefined);
  return asked.length > 0 ? asked : undefined;
}

/** JSON text of a body, undefined when empty; a body that is not JSON is a 400. */
function jsonBody(body: Buffer): string | undefined {
  const text = body.toString('utf8').trim();
  if (text === '') return undefined;
  JSON.parse(text);
  return text;
}

export class DurableHttpApi {
  constructor(
    private readonly instances: InstanceService,
    private readonly taskHub: string,
    private readonly clock: Clock,
  ) {}

  handles(pathname: string): boolean {
    return pathname === WEBHOOK_PATH || pathname.startsWith(`${WEBHOOK_PATH}/`);
  }

  async handle(request: DurableHttpRequest): Promise<DurableHttpResponse> {
    try {
      return await this.route(request);
    } catch (error) {
      if (error instanceof SyntaxError) return problem(400, `Invalid JSON content: ${error.message}`);
      if (error instanceof URIError) return problem(400, 'The path is not validly percent-encoded.');
      if (error instanceof AppError) {
        return problem(STATUS_BY_KIND[error.kind] ?? 400, error.message, error.extensions);
      }
      return problem(500, `Something went wrong while processing your request: ${String(error)}`);
    }
  }

  private async route(request: DurableHttpRequest): Promise<DurableHttpResponse> {
    const { url } = request;
    const hub = url.searchParams.get('taskHub');
    if (hub && hub.toLowerCase() !== this.taskHub.toLowerCase()) {
      return problem(404, `This host serves the task hub '${this.taskHub}', not '${hub}'.`);
    }
    const parts = url.pathname.slice(WEBHOOK_PATH.length).split('/').slice(1);
    if (parts.at(-1) === '') parts.pop();
    const segments = parts.map((segment) => decodeURIComponent(segment));
    const method = request.method.toUpperCase();
    const [controller, id, operation, eventName] = segments;
    if (controller === 'orchestrators' && id && segments.length <= 3) {
      return method === 'POST' ? this.start(request, id, operation) : empty(404);
    }
    if (controller === 'entities')
      return problem(501, 'Durable entities are not supported by the local host.');
    if (controller !== 'instances') return empty(404);
    if (!id) {
      if (method === 'GET') return this.list(request);
      if (method === 'DELETE') return this.purgeBy(url);
      return empty(404);
    }
    if (!operation) {
      if (method === 'GET') return this.status(url, id);
      if (method === 'DELETE') return this.purge(id);
      return empty(404);
    }
    if (method !== 'POST') return empty(404);
    switch (operation.toLowerCase()) {
      case 'raiseevent':
        return eventName && segments.length === 4 ? this.raiseEvent(request, id, eventName) : empty(404);
      case 'terminate':
      case 'suspend':
      case 'resume': {
        const kind = operation.toLowerCase() as 'terminate' | 'suspend' | 'resume';
        const result = await this.instances.control(id, kind, url.searchParams.get('reason') ?? undefined);
        return empty(result === 'accepted' ? 202 : result === 'gone' ? 410 : 404);
      }
      case 'rewind':
        return this.rewind(id);
      case 'restart':
        return this.restart(request, id);
      default:
        return empty(404);
    }
  }

  private checkStatusResponse(request: DurableHttpRequest, instanceId: string): DurableHttpResponse {
    const payload = managementPayload(request.url.origin, this.taskHub, instanceId);
    // The extension's start reply has every link but the rewind one.
    const links: Partial<ManagementPayload> = { ...payload };
    delete links.rewindPostUri;
    return json(202, links, { location: payload.statusQueryGetUri, 'retry-after': '10' });
  }

  private async start(
    request: DurableHttpRequest,
    name: string,
    instanceId: string | undefined,
  ): Promise<DurableHttpResponse> {
    const input = jsonBody(request.body);
    const id = await this.instances.start(name, instanceId || undefined, input);
    return this.waitOrCheckStatus(request, id);
  }

  /** With `timeout` and `pollingInterval` (seconds), waits for the end like the extension does. */
  private async waitOrCheckStatus(
    request: DurableHttpRequest,
    instanceId: string,
  ): Promise<DurableHttpResponse> {
    const timeout = Number(request.url.searchParams.get('timeout'));
    const interval = Number(request.url.searchParams.get('pollingInterval'));
    if (!(timeout > 0 && interval > 0)) return this.checkStatusResponse(request, instanceId);
    const deadline = Date.now() + timeout * 1000;
    for (;;) {
      const status = await this.instances.status(instanceId);
      if (status?.runtimeStatus === 'Completed') return json(200, status.output);
      if (status && isTerminal(status.runtimeStatus)) return this.statusResponse(request.url, status);
      if (Date.now() >= deadline) return this.checkStatusResponse(request, instanceId);
      await new Promise((resolve) =>
        setTimeout(resolve, Math.min(interval * 1000, Math.max(0, deadline - Date.now()))),
      );
    }
  }

  private statusResponse(url: URL, status: InstanceStatus): DurableHttpResponse {
    switch (status.runtimeStatus) {
      case 'Failed':
        return json(flag(url, 'returnInternalServerErrorOnFailure') ? 500 : 200, status);
      case 'Completed':
      case 'Terminated':
      case 'Canceled':
        return json(200, status);
      default:
        return json(202, status, { location: url.href, 'retry-after': '5' });
    }
  }

  private async status(url: URL, instanceId: string): Promise<DurableHttpResponse> {
    const status = await this.instances.status(instanceId, {
      showHistory: flag(url, 'showHistory') ?? false,
      showHistoryOutput: flag(url, 'showHistoryOutput') ?? false,
      showInput: flag(url, 'showInput') ?? true,
    });
    return status ? this.statusResponse(url, status) : empty(404);
  }

  /** Pages with `top` and the x-ms-continuation-token header, as the SDK's getStatusBy follows them. */
  private async list(request: DurableHttpRequest): Promise<DurableHttpResponse> {
    const { url } = request;
    const all = await this.instances.list(
      {
        createdTimeFrom: date(url, 'createdTimeFrom'),
        createdTimeTo: date(url, 'createdTimeTo'),
        runtimeStatus: statuses(url),
        instanceIdPrefix: url.searchParams.get('instanceIdPrefix') ?? undefined,
      },
      { showInput: flag(url, 'showInput') ?? false },
    );
    const top = Number(url.searchParams.get('top'));
    const size = Number.isInteger(top) && top > 0 ? top : 100;
    const offset =
      Number(Buffer.from(request.headers.get('x-ms-continuation-token') ?? '', 'base64').toString() || '0') ||
      0;
    const page = all.slice(offset, offset + size);
    const headers: Record<string, string> = {};
    if (offset + size < all.length)
      headers['x-ms-continuation-token'] = Buffer.from(String(offset + size)).toString('base64');
    return json(200, page, headers);
  }

  private async purge(instanceId: string): Promise<DurableHttpResponse> {
    const result = await this.instances.purge(instanceId);
    if (result === 'notFound') return empty(404);
    if (result === 'notTerminal') {
      return problem(
        412,
        `Only orchestrations in a terminal state can be purged; '${instanceId}' has not finished.`,
      );
    }
    return json(200, { instancesDeleted: 1 });
  }

  private async purgeBy(url: URL): Promise<DurableHttpResponse> {
    const createdTimeFrom = date(url, 'createdTimeFrom');
    if (!createdTimeFrom) return problem(400, "Please provide value for 'createdTimeFrom' parameter.");
    const deleted = await this.instances.purgeBy({
      createdTimeFrom,
      createdTimeTo: date(url, 'createdTimeTo') ?? this.clock.now(),
      runtimeStatus: statuses(url),
    });
    return deleted === 0 ? empty(404) : json(200, { instancesDeleted: deleted });
  }

  private async raiseEvent(
    request: DurableHttpRequest,
    instanceId: string,
    eventName: string,
  ): Promise<DurableHttpResponse> {
    const status = await this.instances.status(instanceId, { showInput: false });
    if (!status) return empty(404);
    if (isTerminal(status.runtimeStatus)) return empty(410);
    const mediaType = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (mediaType !== 'application/json')
      return problem(400, 'Only application/json request content is supported.');
    const input = jsonBody(request.body) ?? 'null';
    const result = await this.instances.raiseEvent(instanceId, eventName, input);
    return empty(result === 'accepted' ? 202 : result === 'gone' ? 410 : 404);
  }

  private async rewind(instanceId: string): Promise<DurableHttpResponse> {
    const status = await this.instances.status(instanceId, { showInput: false });
    if (!status) return problem(404, `No orchestration with instance ID "${instanceId}" found.`);
    if (status.runtimeStatus !== 'Failed') {
      return problem(
        412,
        `This orchestration has status ${status.runtimeStatus}; only failed ones can be rewound.`,
      );
    }
    return problem(501, 'Rewind is not supported by the local host.');
  }

  private async restart(request: DurableHttpRequest, instanceId: string): Promise<DurableHttpResponse> {
    const id = await this.instances.restart(
      instanceId,
      flag(request.url, 'restartWithNewInstanceId') ?? true,
    );
    return this.waitOrCheckStatus(request, id);
  }
}
