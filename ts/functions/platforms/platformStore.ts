import { createHash } from 'node:crypto';
import { ConflictError, NotFoundError } from '../core/errors';
import { storage, type StorageClients } from '../core/storage';
import { byPartition, dataOf, padVersion, platformTable, PLATFORM_TABLES, statusOf } from './platformTable';
import type { PlatformPatch, PlatformRegistration } from './schemas';

export interface PlatformRecord extends PlatformRegistration {
  id: string;
  registeredAt: string;
  updatedAt: string;
  /** Increases with every change; earlier revisions are kept in the platform history table. */
  revision: number;
}

type UniqueField = 'name' | 'website';

/** Names compare without case, accents-as-typed (NFC) and extra spaces. */
export function nameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
}

/** Websites compare by host (without `www.`) and path, ignoring scheme, query and a trailing slash. */
export function websiteKey(website: string): string {
  const url = new URL(website);
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const path = url.pathname.replace(/\/+$/, '');
  return `${host}${path}`;
}

function indexRow(field: UniqueField, value: string): { partitionKey: string; rowKey: string } {
  const key = field === 'name' ? nameKey(value) : websiteKey(value);
  return { partitionKey: field, rowKey: createHash('sha256').update(key, 'utf8').digest('hex') };
}

/** The platform registry: one row per platform, unique names and websites, and a history of changes. */
export class PlatformStore {
  constructor(private readonly clients: StorageClients = storage()) {}

  async get(id: string): Promise<PlatformRecord | undefined> {
    const table = await platformTable(PLATFORM_TABLES.platforms, this.clients);
    try {
      return dataOf<PlatformRecord>(await table.getEntity<{ data: string }>('platform', id));
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async require(id: string): Promise<PlatformRecord> {
    const platform = await this.get(id);
    if (!platform) throw new NotFoundError(`No platform has the id "${id}".`);
    return platform;
  }

  async list(): Promise<PlatformRecord[]> {
    const table = await platformTable(PLATFORM_TABLES.platforms, this.clients);
    const platforms: PlatformRecord[] = [];
    for await (const entity of table.listEntities<{ data: string }>({
      queryOptions: { filter: "PartitionKey eq 'platform'" },
    })) {
      platforms.push(dataOf<PlatformRecord>(entity));
    }
    return platforms.sort((a, b) => a.registeredAt.localeCompare(b.registeredAt) || a.id.localeCompare(b.id));
  }

  async register(id: string, registration: PlatformRegistration, now: Date): Promise<PlatformRecord> {
    const at = now.toISOString();
    const record: PlatformRecord = { id, ...registration, registeredAt: at, updatedAt: at, revision: 1 };
    const claimed = await this.claim(id, { name: registration.name, website: registration.website });
    try {
      const table = await platformTable(PLATFORM_TABLES.platforms, this.clients);
      await table.createEntity({
        partitionKey: 'platform',
        rowKey: id,
        name: record.name,
        data: JSON.stringify(record),
      });
    } catch (error) {
      await this.release(claimed);
      throw error;
    }
    return record;
  }

  /** Applies a change; the revision before it is kept. A name or website taken by another platform is a conflict. */
  async update(id: string, patch: PlatformPatch, now: Date): Promise<PlatformRecord> {
    const table = await platformTable(PLATFORM_TABLES.platforms, this.clients);
    let entity: { data: string; etag: string };
    try {
      entity = await table.getEntity<{ data: string }>('platform', id);
    } catch (error) {
      if (statusOf(error) === 404) throw new NotFoundError(`No platform has the id "${id}".`);
      throw error;
    }
    const before = dataOf<PlatformRecord>(entity);
    const { administrator, ...rest } = patch;
    const after: PlatformRecord = {
      ...before,
      ...rest,
      administrator: {
        ...before.administrator,
        ...administrator,
        focalPoint: { ...before.administrator.focalPoint, ...administrator?.focalPoint },
      },
      updatedAt: now.toISOString(),
      revision: before.revision + 1,
    };
    const changes: Partial<Record<UniqueField, string>> = {};
    if (patch.name !== undefined && nameKey(patch.name) !== nameKey(before.name)) changes.name = patch.name;
    if (patch.website !== undefined && websiteKey(patch.website) !== websiteKey(before.website)) {
      changes.website = patch.website;
    }
    const claimed = await this.claim(id, changes);
    const history = await platformTable(PLATFORM_TABLES.platformHistory, this.clients);
    await history.upsertEntity(
      { partitionKey: id, rowKey: padVersion(before.revision), data: JSON.stringify(before) },
      'Replace',
    );
    try {
      await table.updateEntity(
        { partitionKey: 'platform', rowKey: id, name: after.name, data: JSON.stringify(after) },
        'Replace',
        { etag: entity.etag },
      );
    } catch (error) {
      await this.release(claimed);
      if (statusOf(error) === 412)
        throw new ConflictError('The platform was changed at the same time; read it again and retry.');
      throw error;
    }
    await this.release(
      (Object.keys(changes) as UniqueField[]).map((field) => indexRow(field, before[field])),
    );
    return after;
  }

  async history(id: string): Promise<PlatformRecord[]> {
    const table = await platformTable(PLATFORM_TABLES.platformHistory, this.clients);
    const revisions: PlatformRecord[] = [];
    for await (const entity of table.listEntities<{ data: string }>(byPartition(id))) {
      revisions.push(dataOf<PlatformRecord>(entity));
    }
    return revisions;
  }

  /** Inserts the index rows; an existing row held by another platform means the value is taken. */
  private async claim(
    id: string,
    values: Partial<Record<UniqueField, string>>,
  ): Promise<{ partitionKey: string; rowKey: string }[]> {
    const index = await platformTable(PLATFORM_TABLES.platformIndex, this.clients);
    const claimed: { partitionKey: string; rowKey: string }[] = [];
    for (const field of ['name', 'website'] as const) {
      const value = values[field];
      if (value === undefined) continue;
      const row = indexRow(field, value);
      try {
        await index.createEntity({ ...row, platformId: id });
        claimed.push(row);
      } catch (error) {
        if (statusOf(error) !== 409) {
          await this.release(claimed);
          throw error;
        }
        const holder = await index.getEntity<{ platformId: string }>(row.partitionKey, row.rowKey);
        if (holder.platformId === id) continue;
        await this.release(claimed);
        throw new ConflictError(`Another platform is already registered with this ${field}: ${value}`, {
          field,
          platformId: holder.platformId,
        });
      }
    }
    return claimed;
  }

  private async release(rows: { partitionKey: string; rowKey: string }[]): Promise<void> {
    const index = await platformTable(PLATFORM_TABLES.platformIndex, this.clients);
    for (const row of rows) {
      try {
        await index.deleteEntity(row.partitionKey, row.rowKey);
      } catch (error) {
        if (statusOf(error) !== 404) throw error;
      }
    }
  }
}
