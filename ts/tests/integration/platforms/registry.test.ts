import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformStore } from '../../../functions/platforms/platformStore';
import type { PlatformsApi } from '../../support/platforms/api';
import {
  REGULATOR,
  registered,
  startPlatformsHost,
  type PlatformsHost,
} from '../../support/platforms/platformsHost';
import { registration } from '../../support/platforms/samples';

let running: PlatformsHost;
let api: PlatformsApi;
beforeAll(async () => {
  running = await startPlatformsHost();
  api = running.api;
});
afterAll(async () => {
  await running.stop();
});

const problemFields = (json: Record<string, unknown>) =>
  (json.errors as { field: string }[]).map((e) => e.field).sort();

describe('platform registry', () => {
  it('registers a platform for the regulator and shows its key once', async () => {
    const reply = await api.request('POST', '/api/platforms', {
      key: REGULATOR,
      body: registration('Sàn Thương Mại Sen Vàng', 'https://senvang.example.vn'),
    });
    expect(reply.status).toBe(201);
    expect(reply.headers.location).toBe(`/api/platforms/${String(reply.json.id)}`);
    expect(reply.json.apiKey).toMatch(/^etp\.[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    expect(reply.json).toMatchObject({ name: 'Sàn Thương Mại Sen Vàng', intermediary: true, revision: 1 });

    const own = await api.request('GET', `/api/platforms/${String(reply.json.id)}`, {
      key: reply.json.apiKey as string,
    });
    expect(own.status).toBe(200);
    expect(own.json.administrator).toMatchObject({ focalPoint: { name: 'Trần Văn Bình' } });
    expect(own.text).not.toContain('apiKey');
    expect(
      (await api.request('GET', `/api/platforms/${String(reply.json.id)}`, { key: REGULATOR })).status,
    ).toBe(200);
  });

  it('answers 401 without a key or with a wrong one, 403 to a platform acting as regulator or on another platform', async () => {
    const a = await registered(api, 'Nền tảng A', 'https://a.example.vn');
    const b = await registered(api, 'Nền tảng B', 'https://b.example.vn');
    const none = await api.request('GET', `/api/platforms/${a.id}`);
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toContain('x-api-key');
    expect(none.json.type).toBe('/problems/unauthorized');
    expect((await api.request('GET', `/api/platforms/${a.id}`, { key: `${a.key}x` })).status).toBe(401);
    expect((await api.request('GET', `/api/platforms/${a.id}`, { key: `etp.${a.id}.guess` })).status).toBe(
      401,
    );
    expect((await api.request('GET', `/api/platforms/${a.id}`, { key: 'not-a-key' })).status).toBe(401);
    const other = await api.request('GET', `/api/platforms/${b.id}`, { key: a.key });
    expect(other.status).toBe(403);
    expect(other.json.type).toBe('/problems/forbidden');
    expect(
      (
        await api.request('POST', '/api/platforms', {
          key: a.key,
          body: registration('X', 'https://x.example.vn'),
        })
      ).status,
    ).toBe(403);
    expect((await api.request('GET', '/api/platforms', { key: a.key })).status).toBe(403);
    expect((await api.request('GET', '/api/platforms/unknown-id', { key: REGULATOR })).status).toBe(404);
  });

  it('refuses a second platform with the same name or website, however written', async () => {
    await registered(api, 'Chợ Phiên Online', 'https://www.chophien.example.vn/');
    const sameName = await api.request('POST', '/api/platforms', {
      key: REGULATOR,
      body: registration('  CHỢ PHIÊN   online ', 'https://other.example.vn'),
    });
    expect(sameName.status).toBe(409);
    expect(sameName.json).toMatchObject({ type: '/problems/conflict', field: 'name' });
    const sameSite = await api.request('POST', '/api/platforms', {
      key: REGULATOR,
      body: registration('Chợ Khác', 'http://chophien.example.vn'),
    });
    expect(sameSite.status).toBe(409);
    expect(sameSite.json.field).toBe('website');
    // The refused registration claimed nothing: its name is still free.
    expect(
      (
        await api.request('POST', '/api/platforms', {
          key: REGULATOR,
          body: registration('Chợ Khác', 'https://chokhac.example.vn'),
        })
      ).status,
    ).toBe(201);
  });

  it('reports every invalid field at once', async () => {
    const body = registration('', 'ftp://files.example.vn', {
      operatingSince: '2015-02-30',
      intermediary: 'yes',
    }) as Record<string, unknown>;
    (body.administrator as { focalPoint: Record<string, unknown> }).focalPoint.email = 'not-an-email';
    delete (body.administrator as Record<string, unknown>).country;
    const reply = await api.request('POST', '/api/platforms', { key: REGULATOR, body });
    expect(reply.status).toBe(400);
    expect(reply.headers['content-type']).toContain('application/problem+json');
    expect(problemFields(reply.json)).toEqual(
      [
        'administrator.country',
        'administrator.focalPoint.email',
        'intermediary',
        'name',
        'operatingSince',
        'website',
      ].sort(),
    );
    const future = await api.request('POST', '/api/platforms', {
      key: REGULATOR,
      body: registration('Tương Lai', 'https://tuonglai.example.vn', { operatingSince: '2030-01-01' }),
    });
    expect(future.status).toBe(400);
    expect(problemFields(future.json)).toEqual(['operatingSince']);
  });

  it('refuses a wrong content type (415), a body over the limit (413) and malformed JSON (400)', async () => {
    const asText = await api.request('POST', '/api/platforms', {
      key: REGULATOR,
      rawBody: 'name=x',
      contentType: 'text/plain',
    });
    expect(asText.status).toBe(415);
    const big = JSON.stringify({
      ...registration('Lớn', 'https://lon.example.vn'),
      padding: 'x'.repeat(70_000),
    });
    expect((await api.request('POST', '/api/platforms', { key: REGULATOR, rawBody: big })).status).toBe(413);
    const broken = await api.request('POST', '/api/platforms', {
      key: REGULATOR,
      rawBody: '{"name": "Hỏng",',
    });
    expect(broken.status).toBe(400);
    expect(problemFields(broken.json)).toEqual(['(body)']);
  });

  it('lets the regulator change a platform, keeping the earlier revision and freeing the old website', async () => {
    const p = await registered(api, 'Sàn Đổi Tên', 'https://doiten.example.vn');
    const reply = await api.request('PATCH', `/api/platforms/${p.id}`, {
      key: REGULATOR,
      body: {
        website: 'https://doiten-moi.example.vn',
        administrator: { focalPoint: { phone: '+84 24 3999 9999' } },
      },
    });
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ website: 'https://doiten-moi.example.vn', revision: 2 });
    expect(reply.json.administrator).toMatchObject({
      name: 'Công ty TNHH Chợ Tốt',
      focalPoint: { name: 'Trần Văn Bình', phone: '+84 24 3999 9999' },
    });
    const history = await new PlatformStore(running.host.storage).history(p.id);
    expect(history.map((r) => [r.revision, r.website])).toEqual([[1, 'https://doiten.example.vn']]);
    expect(
      (
        await api.request('POST', '/api/platforms', {
          key: REGULATOR,
          body: registration('Sàn Lấy Web Cũ', 'https://doiten.example.vn'),
        })
      ).status,
    ).toBe(201);

    expect(
      (
        await api.request('PATCH', `/api/platforms/${p.id}`, {
          key: REGULATOR,
          body: { name: 'Sàn Lấy Web Cũ' },
        })
      ).status,
    ).toBe(409);
    expect((await api.request('PATCH', `/api/platforms/${p.id}`, { key: REGULATOR, body: {} })).status).toBe(
      400,
    );
    expect(
      (await api.request('PATCH', `/api/platforms/${p.id}`, { key: p.key, body: { name: 'Tự Đổi' } })).status,
    ).toBe(403);
    expect(
      (await api.request('PATCH', '/api/platforms/nobody', { key: REGULATOR, body: { name: 'Ai' } })).status,
    ).toBe(404);
  });

  it('rotates keys: the new key works, the old one stops', async () => {
    const p = await registered(api, 'Sàn Xoay Khoá', 'https://xoaykhoa.example.vn');
    const rotated = await api.request('POST', `/api/platforms/${p.id}/keys`, { key: p.key });
    expect(rotated.status).toBe(201);
    expect(rotated.json.revokedKeys).toBe(1);
    const fresh = rotated.json.apiKey as string;
    expect((await api.request('GET', `/api/platforms/${p.id}`, { key: p.key })).status).toBe(401);
    expect((await api.request('GET', `/api/platforms/${p.id}`, { key: fresh })).status).toBe(200);
    // The regulator can issue a key to a platform that lost its own.
    const issued = await api.request('POST', `/api/platforms/${p.id}/keys`, { key: REGULATOR });
    expect(issued.status).toBe(201);
    expect((await api.request('GET', `/api/platforms/${p.id}`, { key: fresh })).status).toBe(401);
  });
});

describe('population figures', () => {
  const figure = { value: 101_300_000, source: 'Tổng cục Thống kê', announcedOn: '2025-01-06' };

  it('records versions: the same figure changes nothing, a correction is a new version', async () => {
    const first = await api.request('PUT', '/api/population/2023', { key: REGULATOR, body: figure });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ year: 2023, version: 1, changed: true });
    const again = await api.request('PUT', '/api/population/2023', { key: REGULATOR, body: figure });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ version: 1, changed: false });
    const corrected = await api.request('PUT', '/api/population/2023', {
      key: REGULATOR,
      body: { ...figure, value: 101_350_000 },
    });
    expect(corrected.json).toMatchObject({ version: 2, value: 101_350_000 });
    const read = await api.request('GET', '/api/population/2023', { key: REGULATOR });
    expect(read.status).toBe(200);
    expect((read.json.versions as { value: number }[]).map((v) => v.value)).toEqual([
      101_300_000, 101_350_000,
    ]);
    expect(read.json.current).toMatchObject({ version: 2 });
  });

  it('is read and written by the regulator only, for a past or current year, announced by today', async () => {
    const p = await registered(api, 'Sàn Dân Số', 'https://danso.example.vn');
    expect((await api.request('PUT', '/api/population/2023', { key: p.key, body: figure })).status).toBe(403);
    expect((await api.request('GET', '/api/population/2023', { key: p.key })).status).toBe(403);
    expect((await api.request('PUT', '/api/population/2099', { key: REGULATOR, body: figure })).status).toBe(
      400,
    );
    expect((await api.request('PUT', '/api/population/20x3', { key: REGULATOR, body: figure })).status).toBe(
      400,
    );
    const future = await api.request('PUT', '/api/population/2025', {
      key: REGULATOR,
      body: { ...figure, announcedOn: '2027-01-01' },
    });
    expect(problemFields(future.json)).toEqual(['announcedOn']);
    const bad = await api.request('PUT', '/api/population/2025', {
      key: REGULATOR,
      body: { value: -3, source: '' },
    });
    expect(problemFields(bad.json)).toEqual(['announcedOn', 'source', 'value']);
    expect((await api.request('GET', '/api/population/1999', { key: REGULATOR })).status).toBe(404);
  });
});
