import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { received } from '../../support/apps/hostFeaturesReceived';
import { LocalHost } from '../../../local/host';
import { eventually, startTestHost, type TestHost } from '../../support/localHost';

let testHost: TestHost;
let url: string;

beforeAll(async () => {
  testHost = await startTestHost(() => import('../../support/apps/hostFeatures'), {
    blobPollMs: 100,
    blobRetryBaseMs: 10,
    queuePollMs: 100,
  });
  url = testHost.host.url;
});
afterAll(async () => testHost?.stop());

describe('HTTP functions', () => {
  it('routes by template under the api prefix, with parameters, query, headers and body', async () => {
    const get = await fetch(`${url}/api/items/42/r%C3%B5?q=s%E1%BB%9F`, { headers: { 'x-test': 'yes' } });
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({
      method: 'GET',
      params: { id: '42', label: 'rõ' },
      query: { q: 'sở' },
      header: 'yes',
      body: null,
    });
    const post = await fetch(`${url}/api/items/7`, { method: 'POST', body: 'Hà Nội' });
    expect(post.status).toBe(201);
    expect(await post.json()).toMatchObject({ params: { id: '7' }, body: 'Hà Nội' });
  });

  it('answers 404 for a path no route matches, 405 for a method the route lacks', async () => {
    expect((await fetch(`${url}/api/items/not-a-number`)).status).toBe(404);
    expect((await fetch(`${url}/api/nothing-here`)).status).toBe(404);
    expect((await fetch(`${url}/items/42`)).status).toBe(404);
    const wrongMethod = await fetch(`${url}/api/items/42`, { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toContain('GET');
  });

  it('turns a function that throws into a bare 500 and logs it as failed', async () => {
    expect((await fetch(`${url}/api/boom`)).status).toBe(500);
    expect(testHost.lines.some((line) => /^boom \S+ \d+ ms Failed: unexpected failure/.test(line))).toBe(
      true,
    );
  });

  it('logs one line per invocation with function, id, duration and outcome', async () => {
    await fetch(`${url}/api/items/1`);
    expect(testHost.lines.some((line) => /^echo [0-9a-f-]{36} \d+ ms Succeeded$/.test(line))).toBe(true);
  });
});

describe('admin API', () => {
  it('lists the functions with their triggers', async () => {
    const list = (await (await fetch(`${url}/admin/functions`)).json()) as {
      name: string;
      trigger: string;
    }[];
    expect(list.map((fn) => [fn.name, fn.trigger]).sort()).toEqual([
      ['activityEvents', 'serviceBusTrigger'],
      ['boom', 'httpTrigger'],
      ['echo', 'httpTrigger'],
      ['inboxWatcher', 'blobTrigger'],
      ['newYearTimer', 'timerTrigger'],
    ]);
  });

  it('runs a timer by hand with 202', async () => {
    const before = received().timers.length;
    const reply = await fetch(`${url}/admin/functions/newYearTimer`, {
      method: 'POST',
      body: '{"input":""}',
    });
    expect(reply.status).toBe(202);
    expect(received().timers.length).toBe(before + 1);
  });

  it('refuses unknown functions, HTTP functions and malformed bodies', async () => {
    expect((await fetch(`${url}/admin/functions/nope`, { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await fetch(`${url}/admin/functions/echo`, { method: 'POST', body: '{}' })).status).toBe(400);
    expect((await fetch(`${url}/admin/functions/newYearTimer`, { method: 'POST', body: '[1' })).status).toBe(
      400,
    );
    expect((await fetch(`${url}/admin/clock`, { method: 'POST', body: '{"now":"not a time"}' })).status).toBe(
      400,
    );
  });

  it('fires a timer when the app clock is moved past its schedule', async () => {
    const before = received().timers.length;
    const moved = await fetch(`${url}/admin/clock`, {
      method: 'POST',
      body: JSON.stringify({ now: '2026-12-31T17:04:59Z' }),
    });
    expect(moved.status).toBe(200);
    await eventually(() => (received().timers.length > before ? true : undefined));
    const clock = (await (await fetch(`${url}/admin/clock`)).json()) as { now: string };
    expect(clock.now.startsWith('2026-12-31T17:05')).toBe(true);
  });
});

describe('blob triggers', () => {
  it('runs once per blob version, with the path parts and metadata, and again for new content', async () => {
    const container = testHost.host.storage.container('inbox');
    const blob = container.getBlockBlobClient('agency-01/scan one.txt');
    await blob.upload('first', 5, { metadata: { converter: 'S%E1%BB%9F' } });
    const first = await eventually(() => received().blobs.find((b) => b.name === 'scan one.txt'));
    expect(first).toMatchObject({ folder: 'agency-01', size: 5, metadata: { converter: 'S%E1%BB%9F' } });
    expect(first.blobTrigger).toBe('inbox/agency-01/scan one.txt');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(received().blobs.filter((b) => b.name === 'scan one.txt')).toHaveLength(1);

    await blob.upload('second!', 7);
    await eventually(() => received().blobs.find((b) => b.name === 'scan one.txt' && b.size === 7));
    expect(received().blobs.filter((b) => b.name === 'scan one.txt')).toHaveLength(2);
  });

  it('ignores blobs outside the path pattern', async () => {
    const container = testHost.host.storage.container('inbox');
    await container.getBlockBlobClient('top-level.txt').upload('x', 1);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(received().blobs.some((b) => b.name.includes('top-level'))).toBe(false);
  });

  it('retries a failing blob five times, then reports it to the poison queue, keeping the blob', async () => {
    const container = testHost.host.storage.container('inbox');
    const blob = container.getBlockBlobClient('agency-02/bad.txt');
    await blob.upload('bad', 3, { metadata: { fail: 'always' } });
    const receipts = testHost.host.storage.table('LocalHostBlobReceipts');
    const key = encodeURIComponent('agency-02/bad.txt').replace(/%/g, '~');
    const receipt = await eventually(async () => {
      const entity = await receipts
        .getEntity<{ status: string; attempts: number }>('inboxWatcher', key)
        .catch(() => undefined);
      return entity?.status === 'poison' ? entity : undefined;
    });
    expect(receipt.attempts).toBe(5);
    const failures = testHost.lines.filter((line) =>
      /^inboxWatcher \S+ \d+ ms Failed: cannot process this blob/.test(line),
    );
    expect(failures).toHaveLength(5);
    const poison = await testHost.host.storage.queue('webjobs-blobtrigger-poison').receiveMessages();
    const message = JSON.parse(
      Buffer.from(poison.receivedMessageItems[0]?.messageText ?? '', 'base64').toString(),
    ) as {
      BlobName: string;
    };
    expect(message.BlobName).toBe('agency-02/bad.txt');
    expect(await blob.exists()).toBe(true);
  });

  it('remembers handled blobs across a restart of the host', async () => {
    const container = testHost.host.storage.container('inbox');
    await container.getBlockBlobClient('agency-03/once.txt').upload('once', 4);
    await eventually(() => received().blobs.find((b) => b.name === 'once.txt'));
    const app = testHost.host.app;
    await testHost.host.stop();
    testHost.host = await LocalHost.start({
      app,
      connectionString: testHost.azurite.connectionString,
      port: 0,
      log: (line) => testHost.lines.push(line),
      blobPollMs: 100,
    });
    url = testHost.host.url;
    await container.getBlockBlobClient('agency-03/after-restart.txt').upload('new', 3);
    await eventually(() => received().blobs.find((b) => b.name === 'after-restart.txt'));
    expect(received().blobs.filter((b) => b.name === 'once.txt')).toHaveLength(1);
  });
});

describe('Service Bus queue triggers', () => {
  it('delivers a message from the Azurite queue of the same name, JSON parsed', async () => {
    const queue = testHost.host.storage.queue('activity-events');
    await queue.sendMessage(JSON.stringify({ systemId: 'dvc', userId: 'u-1', at: '2026-11-01T00:00:00Z' }));
    const message = await eventually(() => received().messages[0]);
    expect(message.body).toEqual({ systemId: 'dvc', userId: 'u-1', at: '2026-11-01T00:00:00Z' });
    expect(message.deliveryCount).toBe(1);
  });
});
