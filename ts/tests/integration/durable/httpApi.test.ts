/**
 * The durable HTTP API as the SDK's DurableClient and the links of createCheckStatusResponse use it:
 * routes, status codes and bodies of the Durable extension's API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureRegistrations } from '../../../local/functionsCore';
import { startDurableTestHost, type DurableTestHost } from '../../../local/durable/testing';

interface Links {
  id: string;
  statusQueryGetUri: string;
  sendEventPostUri: string;
  terminatePostUri: string;
  purgeHistoryDeleteUri: string;
  restartPostUri: string;
  suspendPostUri: string;
  resumePostUri: string;
}

interface Status {
  name: string;
  instanceId: string;
  runtimeStatus: string;
  output: unknown;
  createdTime: string;
}

let host: DurableTestHost;
let webhooks: string;

beforeAll(async () => {
  const app = await captureRegistrations(() => import('../../support/apps/durableFeatures.js'));
  host = await startDurableTestHost({ app });
  webhooks = `${host.baseUrl}/runtime/webhooks/durabletask`;
});

afterAll(async () => {
  await host?.stop();
});

function api(path: string, init?: RequestInit): Promise<Response> {
  return fetch(`${webhooks}/${path}`, init);
}

async function client(body: Record<string, unknown>): Promise<{ status: number; json: unknown }> {
  const reply = await host.callHttp('dfClient', { method: 'POST', path: '/api/df/client', body });
  return { status: reply.status, json: reply.body ? JSON.parse(reply.body) : undefined };
}

async function start(name: string, input?: unknown, instanceId?: string): Promise<string> {
  const reply = await client({ op: 'start', name, input, instanceId });
  expect(reply.status, JSON.stringify(reply.json)).toBe(202);
  return (reply.json as Links).id;
}

describe('createCheckStatusResponse links', () => {
  it('returns 202 with links on this host that query, raise, terminate and purge the instance', async () => {
    const reply = await host.callHttp('dfStart', {
      method: 'POST',
      path: '/api/df/start/dfWaitForever',
      params: { name: 'dfWaitForever' },
      body: {},
    });
    expect(reply.status).toBe(202);
    const links = reply.json<Links>();
    expect(reply.headers.location ?? reply.headers.Location).toBe(links.statusQueryGetUri);
    expect(links.statusQueryGetUri).toBe(
      `${webhooks}/instances/${links.id}?taskHub=testhub&connection=Storage`,
    );

    const running = await fetch(links.statusQueryGetUri);
    expect(running.status).toBe(202);
    expect(running.headers.get('retry-after')).toBe('5');
    expect(['Pending', 'Running']).toContain(((await running.json()) as Status).runtimeStatus);

    const purgeRunning = await fetch(links.purgeHistoryDeleteUri, { method: 'DELETE' });
    expect(purgeRunning.status).toBe(412);
    expect(purgeRunning.headers.get('content-type')).toContain('application/problem+json');

    const raised = await fetch(links.sendEventPostUri.replace('{eventName}', 'never'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify('đã đến / arrived'),
    });
    expect(raised.status).toBe(202);
    const done = await host.engine.waitForCompletion(links.id);
    expect(done.output).toBe('đã đến / arrived');

    const finished = await fetch(links.statusQueryGetUri);
    expect(finished.status).toBe(200);
    expect(((await finished.json()) as Status).output).toBe('đã đến / arrived');
    const terminated = await fetch(links.terminatePostUri.replace('{text}', 'late'), { method: 'POST' });
    expect(terminated.status).toBe(410);

    const purged = await fetch(links.purgeHistoryDeleteUri, { method: 'DELETE' });
    expect(purged.status).toBe(200);
    expect(await purged.json()).toEqual({ instancesDeleted: 1 });
    expect((await fetch(links.statusQueryGetUri)).status).toBe(404);
    expect((await fetch(links.purgeHistoryDeleteUri, { method: 'DELETE' })).status).toBe(404);
  });

  it('waits for a short orchestration when asked to (createAndWaitOnNewInstance)', async () => {
    const reply = await api('orchestrators/dfFanOut?timeout=10&pollingInterval=0.05', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([1, 2]),
    });
    expect(reply.status).toBe(200);
    expect(await reply.json()).toEqual({ doubled: [2, 4], sum: 6 });
  });

  it('answers waitForCompletionOrCreateCheckStatusResponse with the output once finished', async () => {
    const id = await start('dfSequence', ['Lan']);
    await host.engine.waitForCompletion(id);
    const reply = await host.callHttp('dfClient', {
      method: 'POST',
      path: '/api/df/client',
      body: { op: 'wait', instanceId: id, timeoutMs: 2000 },
    });
    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual(['Xin chào, Lan!']);
  });
});

describe('instance ids', () => {
  it('refuses to start over a running instance, and replaces it once it has finished', async () => {
    // ASCII: the SDK puts the id into a Location header as it is.
    const id = 'ho-so-001';
    await start('dfWaitForever', undefined, id);
    const duplicate = await client({ op: 'start', name: 'dfWaitForever', instanceId: id });
    expect(duplicate.status).toBe(500);
    expect((duplicate.json as { error: string }).error).toContain('409');
    const raw = await api(`orchestrators/dfSequence/${encodeURIComponent(id)}`, {
      method: 'POST',
      body: '["x"]',
    });
    expect(raw.status).toBe(409);
    expect(((await raw.json()) as { type: string }).type).toBe('/problems/conflict');

    await client({ op: 'terminate', instanceId: id, reason: 'thay thế / replace' });
    await host.engine.waitForCompletion(id);
    await start('dfSequence', ['Mai'], id);
    const replaced = await host.engine.waitForCompletion(id);
    expect(replaced.runtimeStatus).toBe('Completed');
    expect(replaced.name).toBe('dfSequence');
    expect(replaced.output).toEqual(['Xin chào, Mai!']);
  });

  it('keeps Vietnamese instance ids given to the raw API', async () => {
    const reply = await api(`orchestrators/dfSequence/${encodeURIComponent('hồ-sơ-002')}`, {
      method: 'POST',
      body: '["Đức"]',
    });
    expect(reply.status).toBe(202);
    const links = (await reply.json()) as Links;
    expect(links.id).toBe('hồ-sơ-002');
    expect(reply.headers.get('location')).toBe(links.statusQueryGetUri);
    await host.engine.waitForCompletion('hồ-sơ-002');
    const done = await fetch(links.statusQueryGetUri);
    expect(((await done.json()) as Status).output).toEqual(['Xin chào, Đức!']);
  });

  it('refuses unknown orchestrators, bodies that are not JSON and ids the store cannot hold', async () => {
    const unknown = await api('orchestrators/noSuchThing', { method: 'POST', body: '{}' });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { detail: string }).detail).toContain("'noSuchThing' doesn't exist");
    expect((await api('orchestrators/dfSequence', { method: 'POST', body: '{not json' })).status).toBe(400);
    expect((await api('orchestrators/dfSequence/a%23b', { method: 'POST', body: '[]' })).status).toBe(400);
    expect((await api('orchestrators/dfSequence/%40entity', { method: 'POST', body: '[]' })).status).toBe(
      400,
    );
    expect((await api('orchestrators/dfSequence', { method: 'GET' })).status).toBe(404);
  });
});

describe('status, events and terminate on instances that do not fit', () => {
  it('answers 404 for unknown instances, through the raw API and the SDK', async () => {
    expect((await api('instances/nobody')).status).toBe(404);
    const sdkStatus = await client({ op: 'status', instanceId: 'nobody' });
    expect((sdkStatus.json as { error: string }).error).toContain('404');
    const sdkRaise = await client({ op: 'raise', instanceId: 'nobody', event: 'x', data: 1 });
    expect((sdkRaise.json as { error: string }).error).toContain("No instance with ID 'nobody' found.");
    const sdkPurge = await client({ op: 'purge', instanceId: 'nobody' });
    expect(sdkPurge.json).toEqual({ instancesDeleted: 0 });
    expect((await api('instances/nobody/terminate?reason=x', { method: 'POST' })).status).toBe(404);
  });

  it('refuses events that are not application/json', async () => {
    const id = await start('dfWaitForever');
    const reply = await api(`instances/${id}/raiseEvent/never`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(reply.status).toBe(400);
    await client({ op: 'terminate', instanceId: id, reason: 'done' });
  });

  it('reports a failed instance with 200, or 500 when asked, and refuses to rewind it', async () => {
    const id = await start('dfFails');
    await host.engine.waitForCompletion(id);
    expect((await api(`instances/${id}`)).status).toBe(200);
    expect((await api(`instances/${id}?returnInternalServerErrorOnFailure=true`)).status).toBe(500);
    expect((await api(`instances/${id}/rewind?reason=x`, { method: 'POST' })).status).toBe(501);
    const restarted = await api(`instances/${id}/restart`, { method: 'POST' });
    expect(restarted.status).toBe(202);
    expect(((await restarted.json()) as Links).id).not.toBe(id);
  });

  it('serves only its own task hub and no entities', async () => {
    expect((await api('instances/x?taskHub=otherhub')).status).toBe(404);
    expect((await api('entities/counter/one')).status).toBe(501);
    expect((await api('nothing/here')).status).toBe(404);
  });
});

describe('queries and purges', () => {
  it('lists instances by status and creation time, in pages', async () => {
    host.clock.set('2031-03-01T00:00:00Z');
    const waiting = await start('dfWaitForever');
    host.clock.set('2031-03-02T00:00:00Z');
    const finished = await start('dfSequence', ['Hoa']);
    await host.engine.waitForCompletion(finished);

    const running = await client({
      op: 'list',
      runtimeStatus: ['Running', 'Pending'],
      createdTimeFrom: '2031-03-01T00:00:00Z',
    });
    expect((running.json as Status[]).map((s) => s.instanceId)).toEqual([waiting]);
    const all = await client({
      op: 'list',
      createdTimeFrom: '2031-03-01T00:00:00Z',
      createdTimeTo: '2031-03-03T00:00:00Z',
    });
    expect((all.json as Status[]).map((s) => s.instanceId)).toEqual([waiting, finished]);

    const first = await api('instances/?createdTimeFrom=2031-03-01T00:00:00Z&top=1');
    const token = first.headers.get('x-ms-continuation-token');
    expect(((await first.json()) as Status[]).map((s) => s.instanceId)).toEqual([waiting]);
    expect(token).toBeTruthy();
    const second = await api('instances/?createdTimeFrom=2031-03-01T00:00:00Z&top=1', {
      headers: { 'x-ms-continuation-token': token ?? '' },
    });
    expect(((await second.json()) as Status[]).map((s) => s.instanceId)).toEqual([finished]);
    expect(second.headers.get('x-ms-continuation-token')).toBeNull();
    await client({ op: 'terminate', instanceId: waiting, reason: 'done' });
  });

  it('purges finished instances created in a range, and keeps running and newer ones', async () => {
    host.clock.set('2032-01-01T00:00:00Z');
    const old = await start('dfSequence', ['Cũ']);
    const oldRunning = await start('dfWaitForever');
    await host.engine.waitForCompletion(old);
    host.clock.set('2032-02-01T00:00:00Z');
    const recent = await start('dfSequence', ['Mới']);
    await host.engine.waitForCompletion(recent);

    const purged = await client({
      op: 'purgeBy',
      createdTimeFrom: '2032-01-01T00:00:00Z',
      createdTimeTo: '2032-01-15T00:00:00Z',
      runtimeStatus: ['Completed', 'Running'],
    });
    expect(purged.json).toEqual({ instancesDeleted: 1 });
    expect((await api(`instances/${old}`)).status).toBe(404);
    expect((await api(`instances/${oldRunning}`)).status).toBe(202);
    expect((await api(`instances/${recent}`)).status).toBe(200);

    const none = await client({
      op: 'purgeBy',
      createdTimeFrom: '2032-01-01T00:00:00Z',
      createdTimeTo: '2032-01-15T00:00:00Z',
    });
    expect(none.json).toEqual({ instancesDeleted: 0 });
    expect((await api('instances/?createdTimeTo=2032-01-15T00:00:00Z', { method: 'DELETE' })).status).toBe(
      400,
    );
    await client({ op: 'terminate', instanceId: oldRunning, reason: 'done' });
  });
});
