import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformsApi } from '../../support/platforms/api';
import {
  REGULATOR,
  registered,
  startPlatformsHost,
  withPopulation,
  type PlatformsHost,
} from '../../support/platforms/platformsHost';
import { POPULATION, statisticsBody } from '../../support/platforms/samples';

// 5 January 2026, 10:00 in Vietnam: cycle 2026 is open and covers January–December 2025.
let running: PlatformsHost;
let api: PlatformsApi;
let platform: { id: string; key: string };
beforeAll(async () => {
  running = await startPlatformsHost({ start: '2026-01-05T03:00:00Z' });
  api = running.api;
  platform = await registered(api, 'Sàn Giao Dịch Hoa Sen', 'https://hoasen.example.vn');
});
afterAll(async () => {
  await running.stop();
});

const LARGE = 4_000_000; // 3.95 % of 101.3 million
const put = (body: unknown, options: { key?: string; cycle?: string; id?: string } = {}) =>
  api.request('PUT', `/api/platforms/${options.id ?? platform.id}/statistics/${options.cycle ?? '2026'}`, {
    key: options.key ?? platform.key,
    body,
  });
const determination = (id = platform.id, key = REGULATOR) =>
  api.request('GET', `/api/platforms/${id}/determinations/2026`, { key });
const fields = (json: Record<string, unknown>) => (json.errors as { field: string }[]).map((e) => e.field);

describe('statistics PUT', () => {
  it('refuses statistics while no population figure is recorded, and stores nothing', async () => {
    const reply = await put(statisticsBody('2025-01', LARGE));
    expect(reply.status).toBe(409);
    expect(reply.json.detail).toMatch(/population/);
    expect((await determination()).status).toBe(404);
  });

  it('stores the first submission, replies 201 with the classification and starts the orchestration', async () => {
    await withPopulation(api);
    const reply = await put(statisticsBody('2025-01', LARGE));
    expect(reply.status).toBe(201);
    expect(reply.json).toMatchObject({ cycle: 2026, version: 1, changed: true, late: false });
    expect(reply.json.classification).toMatchObject({
      scale: 'large',
      averageMonthlyActiveUsers: LARGE,
      sharePercent: 3.9487,
      population: POPULATION,
    });
    await running.host.engine.waitForIdle();
    const status = await determination(platform.id, platform.key);
    expect(status.status).toBe(200);
    expect(status.json).toMatchObject({
      status: 'reported',
      scale: 'large',
      submissionVersion: 1,
      instanceId: `selfdet-${platform.id}-2026`,
    });
    expect(status.json.population).toMatchObject(POPULATION);
  });

  it('changes nothing when the same body comes again; keeps the earlier version when it changes', async () => {
    const same = await put(statisticsBody('2025-01', LARGE));
    expect(same.status).toBe(200);
    expect(same.json).toMatchObject({ version: 1, changed: false });
    const changed = await put(statisticsBody('2025-01', 11_000_000));
    expect(changed.status).toBe(200);
    expect(changed.json).toMatchObject({
      version: 2,
      changed: true,
      classification: { scale: 'particularlyLarge' },
    });
    await running.host.engine.waitForIdle();
    const status = await determination();
    expect(status.json).toMatchObject({
      status: 'reported',
      scale: 'particularlyLarge',
      submissionVersion: 2,
    });
    const history = status.json.statistics as { version: number; months: { activeUsers: number }[] }[];
    expect(history.map((s) => [s.version, s.months[0]?.activeUsers])).toEqual([
      [1, LARGE],
      [2, 11_000_000],
    ]);
  });

  describe('bad input gets a clear error and loses nothing', () => {
    const badMonths = (change: (months: { month: string; activeUsers: unknown }[]) => void) => {
      const body = statisticsBody('2025-01', 1_000_000);
      change(body.months);
      return body;
    };

    it.each([
      [
        'a negative count',
        badMonths((m) => void (m[0] = { month: '2025-01', activeUsers: -1 })),
        ['months.0.activeUsers'],
      ],
      [
        'a fractional count',
        badMonths((m) => void (m[4] = { month: '2025-05', activeUsers: 12.5 })),
        ['months.4.activeUsers'],
      ],
      [
        'more users than the population',
        badMonths((m) => void (m[6] = { month: '2025-07', activeUsers: 200_000_000 })),
        ['months.6.activeUsers'],
      ],
      ['11 months', badMonths((m) => void m.shift()), ['months']],
      ['13 months', badMonths((m) => void m.unshift({ month: '2024-12', activeUsers: 1 })), ['months']],
      [
        'months out of order',
        badMonths((m) => void m.splice(2, 2, ...m.slice(2, 4).reverse())),
        ['months.2.month', 'months.3.month', 'months.4.month'],
      ],
      [
        'a repeated month',
        badMonths((m) => void (m[5] = { month: '2025-05', activeUsers: 1 })),
        ['months.5.month', 'months.6.month'],
      ],
      [
        'a month missing',
        badMonths((m) => void m.splice(3, 1, { month: '2026-01', activeUsers: 1 })),
        ['months.3.month', 'months.4.month'],
      ],
      ['months of another year', statisticsBody('2024-01', 1), ['months.11.month']],
      [
        'a count that is not a number',
        badMonths((m) => void (m[1] = { month: '2025-02', activeUsers: 'many' })),
        ['months.1.activeUsers'],
      ],
    ])('%s', async (_name, body, expected) => {
      const reply = await put(body);
      expect(reply.status).toBe(400);
      expect(reply.headers['content-type']).toContain('application/problem+json');
      expect(reply.json.type).toBe('/problems/validation');
      expect(fields(reply.json)).toEqual(expected);
    });

    it('names every wrong field in one response', async () => {
      const body = {
        ...statisticsBody('2025-01', -1),
        declarant: { name: 'Lê Văn Cường' },
        measurement: 'GA4',
      };
      const reply = await put(body, { cycle: '2024' });
      expect(reply.status).toBe(400);
      expect(new Set(fields(reply.json))).toEqual(
        new Set([
          'cycle',
          'declarant.position',
          'measurement',
          ...Array.from({ length: 12 }, (_, i) => `months.${i}.activeUsers`),
        ]),
      );
    });

    it('refuses a cycle before 2025 or in the future', async () => {
      expect(fields((await put(statisticsBody('2023-01', 1), { cycle: '2024' })).json)).toEqual(['cycle']);
      expect(fields((await put(statisticsBody('2026-01', 1), { cycle: '2027' })).json)).toContain('cycle');
      expect(fields((await put(statisticsBody('2025-01', 1), { cycle: 'latest' })).json)).toEqual(['cycle']);
    });

    it('refuses a malformed body, a wrong content type and a body over the limit', async () => {
      const url = `/api/platforms/${platform.id}/statistics/2026`;
      const broken = await api.request('PUT', url, { key: platform.key, rawBody: '{"months": [' });
      expect(broken.status).toBe(400);
      expect(fields(broken.json)).toEqual(['(body)']);
      expect(
        (
          await api.request('PUT', url, {
            key: platform.key,
            rawBody: 'months=12',
            contentType: 'application/x-www-form-urlencoded',
          })
        ).status,
      ).toBe(415);
      const huge = JSON.stringify({
        ...statisticsBody('2025-01', 1),
        declarant: { name: 'x'.repeat(70_000), position: 'y' },
      });
      expect((await api.request('PUT', url, { key: platform.key, rawBody: huge })).status).toBe(413);
    });

    it('refuses a missing key (401), another platform or the regulator sending (403)', async () => {
      const other = await registered(api, 'Sàn Bên Cạnh', 'https://bencanh.example.vn');
      expect((await put(statisticsBody('2025-01', 1), { key: '' })).status).toBe(401);
      expect((await put(statisticsBody('2025-01', 1), { key: other.key })).status).toBe(403);
      expect((await put(statisticsBody('2025-01', 1), { key: REGULATOR })).status).toBe(403);
      expect(
        (await put(statisticsBody('2025-01', 1), { key: other.key, id: 'no-such-platform' })).status,
      ).toBe(403);
      expect((await determination('no-such-platform')).status).toBe(404);
      expect((await determination(platform.id, other.key)).status).toBe(403);
    });

    it('kept the history exactly as it was', async () => {
      const history = (await determination()).json.statistics as { version: number }[];
      expect(history.map((s) => s.version)).toEqual([1, 2]);
    });
  });
});

describe('review', () => {
  const review = (body: unknown, key = REGULATOR, id = platform.id) =>
    api.request('POST', `/api/platforms/${id}/determinations/2026/review`, { key, body });

  it('is for the regulator only, with a decision and a reason', async () => {
    expect((await review({ decision: 'accept', reason: 'Đủ' }, platform.key)).status).toBe(403);
    const bad = await review({ decision: 'maybe' });
    expect(bad.status).toBe(400);
    expect(fields(bad.json).sort()).toEqual(['decision', 'reason']);
    expect((await review({ decision: 'accept', reason: 'Đủ' }, REGULATOR, 'no-such-platform')).status).toBe(
      404,
    );
  });

  it('accepts the reported version; a repeat is harmless, a contradiction and a cycle not waiting for review are 409', async () => {
    const accepted = await review({ decision: 'accept', reason: 'Số liệu đầy đủ / complete' });
    expect(accepted.status).toBe(202);
    expect(accepted.json).toMatchObject({ version: 2, decision: 'accept' });
    expect((await review({ decision: 'accept', reason: 'Số liệu đầy đủ / complete' })).status).toBe(202);
    await running.host.engine.waitForIdle();
    const status = await determination();
    expect(status.json).toMatchObject({
      status: 'determined',
      acceptedVersion: 2,
      scale: 'particularlyLarge',
    });
    const again = await review({ decision: 'return', reason: 'Thiếu / missing' });
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ status: 409, determinationStatus: 'determined' });
    const fresh = await registered(api, 'Sàn Chưa Bắt Đầu', 'https://chuabatdau.example.vn');
    expect((await review({ decision: 'accept', reason: 'x' }, REGULATOR, fresh.id)).status).toBe(409);
  });

  it('after acceptance, a change needs a reason', async () => {
    const noReason = await put(statisticsBody('2025-01', 10_500_000));
    expect(noReason.status).toBe(400);
    expect(fields(noReason.json)).toEqual(['reason']);
    const withReason = await put(
      statisticsBody('2025-01', 10_500_000, { reason: 'Sửa số liệu tháng / corrected months' }),
    );
    expect(withReason.status).toBe(200);
    expect(withReason.json).toMatchObject({ version: 3, changed: true });
    await running.host.engine.waitForIdle();
    const status = await determination();
    // The corrected statistics are reported again, by a new run of the same instance.
    expect(status.json).toMatchObject({ status: 'reported', submissionVersion: 3, acceptedVersion: 2 });
    expect((status.json.timeline as { type: string }[]).map((e) => e.type)).toContain('reopened');
  });
});
