import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../../support/localHost';

let testHost: TestHost;

beforeAll(async () => {
  testHost = await startTestHost(() => import('../../../functions/health/health.function'));
});
afterAll(async () => testHost?.stop());

interface HealthBody {
  status: string;
  version: string;
  checks: Record<string, { status: string }>;
  down?: string[];
}

describe('GET /api/health', () => {
  it('answers 200 with the app version when Blob, Queue and Table storage answer', async () => {
    const reply = await fetch(`${testHost.host.url}/api/health`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('cache-control')).toBe('no-store');
    const body = (await reply.json()) as HealthBody;
    expect(body.status).toBe('healthy');
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(
      Object.fromEntries(Object.entries(body.checks).map(([name, check]) => [name, check.status])),
    ).toEqual({
      blob: 'up',
      queue: 'up',
      table: 'up',
    });
  });

  it('answers 503 naming what is down when storage stops answering', async () => {
    await testHost.azurite.stop();
    const reply = await fetch(`${testHost.host.url}/api/health`);
    expect(reply.status).toBe(503);
    const body = (await reply.json()) as HealthBody;
    expect(body.status).toBe('unhealthy');
    expect(body.down?.sort()).toEqual(['blob', 'queue', 'table']);
  });
});
