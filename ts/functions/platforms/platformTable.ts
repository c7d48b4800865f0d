import { odata, type TableClient } from '@azure/data-tables';
import { storage, type StorageClients } from '../core/storage';

/**
 * Table access shared by the platforms storage modules: tables are created on first use (once per
 * process and storage account), records are kept as JSON in a `data` column beside the few columns that
 * queries filter on.
 */
export const PLATFORM_TABLES = {
  platforms: 'platforms',
  /** Uniqueness guards for names and websites: inserting the row claims the value. */
  platformIndex: 'platformindex',
  platformHistory: 'platformhistory',
  platformKeys: 'platformkeys',
  population: 'population',
  statistics: 'platformstatistics',
  determinations: 'determinations',
  timeline: 'determinationtimeline',
  reviews: 'determinationreviews',
  notifications: 'notifications',
} as const;

type TableName = (typeof PLATFORM_TABLES)[keyof typeof PLATFORM_TABLES];

const created = new WeakMap<StorageClients, Map<string, Promise<void>>>();

export async function platformTable(
  name: TableName,
  clients: StorageClients = storage(),
): Promise<TableClient> {
  let byName = created.get(clients);
  if (!byName) {
    byName = new Map();
    created.set(clients, byName);
  }
  const client = clients.table(name);
  let ready = byName.get(name);
  if (!ready) {
    ready = client.createTable();
    byName.set(name, ready);
    ready.catch(() => byName.delete(name));
  }
  await ready;
  return client;
}

export function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('statusCode' in error)) return undefined;
  const status = error.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** Reads a record kept as JSON in the `data` column. */
export function dataOf<T>(entity: { data?: unknown }): T {
  if (typeof entity.data !== 'string') throw new Error('Stored row has no data column');
  return JSON.parse(entity.data) as T;
}

/** Table keys cannot hold / \ # ? or control characters; ids and years used here never do. */
export function padVersion(version: number): string {
  return `v${String(version).padStart(6, '0')}`;
}

/** Query options for every row of one partition; `odata` quotes the key. */
export function byPartition(partition: string): { queryOptions: { filter: string } } {
  return { queryOptions: { filter: odata`PartitionKey eq ${partition}` } };
}
