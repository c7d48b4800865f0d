import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, freePort, startHostProcess, type HostProcess } from '../../support/hostProcess';
import { eventually } from '../../support/localHost';

const dataDir = mkdtempSync(join(tmpdir(), 'etx-host-'));
let env: Record<string, string>;
const running: HostProcess[] = [];

beforeAll(async () => {
  ensureBuilt();
  env = {
    LOCAL_HOST_PORT: String(await freePort()),
    AZURITE_BLOB_PORT: String(await freePort()),
    AZURITE_QUEUE_PORT: String(await freePort()),
    AZURITE_TABLE_PORT: String(await freePort()),
    AZURITE_LOCATION: dataDir,
    AzureWebJobsStorage: 'UseDevelopmentStorage=true',
    DURABLE_TASK_HUB: 'processtesthub',
  };
}, 120_000);

afterAll(async () => {
  for (const host of running) if (host.child.exitCode === null) await host.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(args: string[], extraEnv: Record<string, string> = {}): Promise<HostProcess> {
  const host = await startHostProcess(args, { ...env, ...extraEnv });
  running.push(host);
  return host;
}

describe('npm start (the compiled local host as a process)', () => {
  it('answers /api/health, runs a timer by hand, stops on SIGINT and starts again on the same data', async () => {
    const first = await start(['dist/local/start.js']);
    const health = await fetch(`${first.url}/api/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { status: string }).status).toBe('healthy');

    const purge = await fetch(`${first.url}/admin/functions/purgeOrchestrationHistory`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"input":""}',
    });
    expect(purge.status).toBe(202);
    expect(((await purge.json()) as { outcome: string }).outcome).toBe('Succeeded');
    expect(first.output.join('')).toMatch(/purgeOrchestrationHistory [0-9a-f-]{36} \d+ ms Succeeded/);

    expect(await first.stop()).toBe(0);
    expect(first.output.join('')).toContain('Local host stopped');

    const second = await start(['dist/local/start.js']);
    expect((await fetch(`${second.url}/api/health`)).status).toBe(200);
    expect(await second.stop()).toBe(0);
  }, 120_000);

  it('resumes an orchestration that was waiting when the host stopped', async () => {
    const appEnv = { LOCAL_HOST_APP: 'tests/support/apps/approvalApp.ts', DURABLE_TASK_HUB: 'approvalhub' };
    const args = ['--import', 'tsx', 'local/start.ts'];
    const first = await start(args, appEnv);
    const started = await fetch(`${first.url}/api/approvals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ dossier: 'HS-001' }),
    });
    expect(started.status).toBe(202);
    const urls = (await started.json()) as { statusQueryGetUri: string; sendEventPostUri: string };
    await eventually(async () => {
      const status = (await (await fetch(urls.statusQueryGetUri)).json()) as { customStatus?: string };
      return status.customStatus === 'waiting for approval' ? true : undefined;
    });
    expect(await first.stop()).toBe(0);

    const second = await start(args, appEnv);
    const raise = await fetch(urls.sendEventPostUri.replace('{eventName}', 'approval'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ by: 'Nguyễn Văn An' }),
    });
    expect(raise.status).toBe(202);
    const done = await eventually(async () => {
      const status = (await (await fetch(urls.statusQueryGetUri)).json()) as {
        runtimeStatus: string;
        output: unknown;
      };
      return status.runtimeStatus === 'Completed' ? status : undefined;
    }, 20_000);
    expect(done.output).toBe('HS-001 approved by Nguyễn Văn An');
    expect(await second.stop()).toBe(0);
  }, 120_000);
});
