import { randomUUID } from 'node:crypto';
import { storage, type StorageClients } from '../core/storage';
import { byPartition, platformTable, PLATFORM_TABLES } from './platformTable';

export interface StoredKey {
  keyId: string;
  /** SHA-256 of the key; the key itself is never stored. */
  hash: Buffer;
  createdAt: string;
  revokedAt?: string;
}

interface KeyEntity {
  hash: string;
  createdAt: string;
  revokedAt?: string;
}

/** Hashes of each platform's API keys, one partition per platform. */
export class PlatformKeyStore {
  constructor(private readonly clients: StorageClients = storage()) {}

  async add(platformId: string, hash: Buffer, now: Date): Promise<string> {
    const table = await platformTable(PLATFORM_TABLES.platformKeys, this.clients);
    const keyId = randomUUID();
    await table.createEntity({
      partitionKey: platformId,
      rowKey: keyId,
      hash: hash.toString('base64'),
      createdAt: now.toISOString(),
    });
    return keyId;
  }

  async all(platformId: string): Promise<StoredKey[]> {
    const table = await platformTable(PLATFORM_TABLES.platformKeys, this.clients);
    const keys: StoredKey[] = [];
    for await (const entity of table.listEntities<KeyEntity>(byPartition(platformId))) {
      const key: StoredKey = {
        keyId: entity.rowKey ?? '',
        hash: Buffer.from(entity.hash, 'base64'),
        createdAt: entity.createdAt,
      };
      if (entity.revokedAt) key.revokedAt = entity.revokedAt;
      keys.push(key);
    }
    return keys;
  }

  async active(platformId: string): Promise<StoredKey[]> {
    return (await this.all(platformId)).filter((key) => !key.revokedAt);
  }

  /** Revokes every key of the platform but `keep`: a rotation leaves one working key. */
  async revokeAllBut(platformId: string, keep: string, now: Date): Promise<number> {
    const table = await platformTable(PLATFORM_TABLES.platformKeys, this.clients);
    let revoked = 0;
    for (const key of await this.active(platformId)) {
      if (key.keyId === keep) continue;
      await table.updateEntity(
        { partitionKey: platformId, rowKey: key.keyId, revokedAt: now.toISOString() },
        'Merge',
      );
      revoked++;
    }
    return revoked;
  }
}
