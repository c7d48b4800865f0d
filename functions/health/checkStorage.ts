import type { StorageClients } from '../core/storage';

export interface ComponentCheck {
  status: 'up' | 'down';
  durationMs: number;
  error?: string;
}

export interface HealthReport {
  status: 'healthy' | 'unhealthy';
  version: string;
  checkedAt: string;
  checks: Record<'blob' | 'queue' | 'table', ComponentCheck>;
}

async function probe(run: (signal: AbortSignal) => Promise<unknown>, timeoutMs: number): Promise<ComponentCheck> {
  const started = performance.now();
  try {
    await run(AbortSignal.timeout(timeoutMs));
    return { status: 'up', durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { status: 'down', durationMs: Math.round(performance.now() - started), error: message };
  }
}

/** Asks each storage service one cheap question; a timeout keeps a dead service from hanging the check. */
export async function checkStorage(
  clients: Pick<StorageClients, 'blobs' | 'queues' | 'tables'>,
  version: string,
  now: Date,
  timeoutMs = 3000,
): Promise<HealthReport> {
  const [blob, queue, table] = await Promise.all([
    probe((abortSignal) => clients.blobs.getProperties({ abortSignal }), timeoutMs),
    probe((abortSignal) => clients.queues.getProperties({ abortSignal }), timeoutMs),
    probe((abortSignal) => clients.tables.getProperties({ abortSignal }), timeoutMs),
  ]);
  const checks = { blob, queue, table };
  const healthy = Object.values(checks).every((check) => check.status === 'up');
  return { status: healthy ? 'healthy' : 'unhealthy', version, checkedAt: now.toISOString(), checks };
}
