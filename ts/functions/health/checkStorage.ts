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

async function probe(
  run: (signal: AbortSignal) => Promise<unknown>,
  timeoutMs: number,
): Promise<ComponentCheck> {
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
  // Listing one item is a data-plane read that the app's data roles allow in Azure; service
  // properties would need account-level rights the identity should not have.
  const [blob, queue, table] = await Promise.all([
    probe(
      (abortSignal) => clients.blobs.listContainers({ abortSignal }).byPage({ maxPageSize: 1 }).next(),
      timeoutMs,
    ),
    probe(
      (abortSignal) => clients.queues.listQueues({ abortSignal }).byPage({ maxPageSize: 1 }).next(),
      timeoutMs,
    ),
    probe(
      (abortSignal) => clients.tables.listTables({ abortSignal }).byPage({ maxPageSize: 1 }).next(),
      timeoutMs,
    ),
  ]);
  const checks = { blob, queue, table };
  const healthy = Object.values(checks).every((check) => check.status === 'up');
  return { status: healthy ? 'healthy' : 'unhealthy', version, checkedAt: now.toISOString(), checks };
}
