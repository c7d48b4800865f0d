import { odata, type TableClient } from '@azure/data-tables';
import { storage, type StorageClients } from '../core/storage';
import type { Notification } from './notification';

export const NOTIFICATIONS_TABLE = 'notifications';
/** Row partition for notifications that concern no platform. */
const NO_PLATFORM = '-';

export interface StoredNotification extends Notification {
  recordedAt: string;
  publishedAt?: string;
}

function statusOf(error: unknown): number | undefined {
  const status =
    typeof error === 'object' && error !== null ? (error as { statusCode?: unknown }).statusCode : undefined;
  return typeof status === 'number' ? status : undefined;
}

/** Every notification sent, so an operator can list them; one partition per platform. */
export class NotificationStore {
  private ready: Promise<unknown> | undefined;

  constructor(private readonly clients: StorageClients = storage()) {}

  private async table(): Promise<TableClient> {
    const table = this.clients.table(NOTIFICATIONS_TABLE);
    this.ready ??= table.createTable().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    await this.ready;
    return table;
  }

  /** Stores the notification unless it is there already; returns the stored one. */
  async record(notification: Notification, now: Date): Promise<StoredNotification> {
    const table = await this.table();
    const stored: StoredNotification = { ...notification, recordedAt: now.toISOString() };
    const key = { partitionKey: notification.platformId ?? NO_PLATFORM, rowKey: notification.id };
    try {
      await table.createEntity({
        ...key,
        type: notification.type,
        occurredAt: notification.occurredAt,
        data: JSON.stringify(stored),
      });
      return stored;
    } catch (error) {
      if (statusOf(error) !== 409) throw error;
    }
    const entity = await table.getEntity<{ data: string; publishedAt?: string }>(
      key.partitionKey,
      key.rowKey,
    );
    const existing = JSON.parse(entity.data) as StoredNotification;
    return entity.publishedAt ? { ...existing, publishedAt: entity.publishedAt } : existing;
  }

  async markPublished(notification: Notification, now: Date): Promise<void> {
    const table = await this.table();
    await table.updateEntity(
      {
        partitionKey: notification.platformId ?? NO_PLATFORM,
        rowKey: notification.id,
        publishedAt: now.toISOString(),
      },
      'Merge',
    );
  }

  /** Newest first. */
  async list(filter: { platformId?: string; type?: string; limit: number }): Promise<StoredNotification[]> {
    const table = await this.table();
    const clauses: string[] = [];
    if (filter.platformId !== undefined) clauses.push(odata`PartitionKey eq ${filter.platformId}`);
    if (filter.type !== undefined) clauses.push(odata`type eq ${filter.type}`);
    const options = clauses.length ? { queryOptions: { filter: clauses.join(' and ') } } : {};
    const found: StoredNotification[] = [];
    for await (const entity of table.listEntities<{ data: string; publishedAt?: string }>(options)) {
      const stored = JSON.parse(entity.data) as StoredNotification;
      found.push(entity.publishedAt ? { ...stored, publishedAt: entity.publishedAt } : stored);
    }
    return found
      .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || b.id.localeCompare(a.id))
      .slice(0, filter.limit);
  }
}
