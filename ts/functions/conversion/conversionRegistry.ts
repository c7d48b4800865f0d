import { createHash } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { storage, type StorageClients } from '../core/storage';
import { candidateLookupCode } from './lookupCode';

/**
 * The conversion registry in table storage:
 * - `conversions`: one row per source blob (its latest version): status, reason, attempts, message id.
 * - `datamessages`: one row per lookup code. Creating the row is the uniqueness guard for the code
 *   (insert fails if the code exists), and the row's state serialises the build of one data message.
 */
export const CONVERSIONS_TABLE = 'conversions';
export const DATA_MESSAGES_TABLE = 'datamessages';
const MAX_CODE_ATTEMPTS = 20;

export type ConversionStatus = 'processing' | 'converted' | 'rejected';

export interface ConversionRecord {
  blobPath: string;
  agencyCode?: string;
  status: ConversionStatus;
  rejectionCode?: string;
  reasonVi?: string;
  reasonEn?: string;
  messageId?: string;
  contentSha256?: string;
  /** ETag of the blob version last handled: a re-delivery of the same version is recognised by it. */
  blobEtag?: string;
  lookupCode?: string;
  attempts: number;
  firstSeenAt: string;
  updatedAt: string;
  lastError?: string;
}

export type DataMessageState = 'reserved' | 'building' | 'stored';

export interface DataMessageRecord {
  code: string;
  messageId: string;
  agencyCode: string;
  sourcePath: string;
  sourceSha256: string;
  /** Fixed when the code is reserved, so a re-delivery stamps the same conversion time. */
  convertedAt: string;
  state: DataMessageState;
  claimedAt?: string;
  pdfPath?: string;
  manifestPath?: string;
  outputSha256?: string;
  pageCount?: number;
  signed?: boolean;
  /** Table ETag of the row as read; used for the optimistic claim. */
  etag?: string;
}

export type NewDataMessage = Omit<DataMessageRecord, 'code' | 'state' | 'etag' | 'claimedAt'>;

function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'statusCode' in error
    ? (error as { statusCode?: number }).statusCode
    : undefined;
}

/** Table keys cannot hold `/`, `\`, `#`, `?`: key a blob by the SHA-256 of its path. */
function conversionKey(blobPath: string): { partitionKey: string; rowKey: string } {
  const hash = createHash('sha256').update(blobPath).digest('hex');
  return { partitionKey: hash.slice(0, 2), rowKey: hash };
}

function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function pick<T>(entity: Record<string, unknown>, keys: readonly (keyof T)[]): T {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (entity[key as string] !== undefined) out[key as string] = entity[key as string];
  return out as T;
}

const CONVERSION_FIELDS: readonly (keyof ConversionRecord)[] = [
  'blobPath',
  'agencyCode',
  'status',
  'rejectionCode',
  'reasonVi',
  'reasonEn',
  'messageId',
  'contentSha256',
  'blobEtag',
  'lookupCode',
  'attempts',
  'firstSeenAt',
  'updatedAt',
  'lastError',
];
const MESSAGE_FIELDS: readonly (keyof DataMessageRecord)[] = [
  'messageId',
  'agencyCode',
  'sourcePath',
  'sourceSha256',
  'convertedAt',
  'state',
  'claimedAt',
  'pdfPath',
  'manifestPath',
  'outputSha256',
  'pageCount',
  'signed',
];
const MESSAGE_ROW = 'message';

export class ConversionRegistry {
  private ready: Promise<void> | undefined;

  constructor(
    private readonly conversions: TableClient,
    private readonly dataMessages: TableClient,
  ) {}

  static fromStorage(clients: StorageClients = storage()): ConversionRegistry {
    return new ConversionRegistry(clients.table(CONVERSIONS_TABLE), clients.table(DATA_MESSAGES_TABLE));
  }

  /** Creates the tables once per process (createTable ignores an existing table). */
  private async tables(): Promise<void> {
    this.ready ??= Promise.all([this.conversions.createTable(), this.dataMessages.createTable()]).then(
      () => undefined,
      (error: unknown) => {
        this.ready = undefined;
        throw error;
      },
    );
    return this.ready;
  }

  async getConversion(blobPath: string): Promise<ConversionRecord | undefined> {
    await this.tables();
    const { partitionKey, rowKey } = conversionKey(blobPath);
    try {
      const entity = await this.conversions.getEntity<Record<string, unknown>>(partitionKey, rowKey);
      return pick<ConversionRecord>(entity, CONVERSION_FIELDS);
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async saveConversion(record: ConversionRecord): Promise<void> {
    await this.tables();
    await this.conversions.upsertEntity({ ...conversionKey(record.blobPath), ...defined(record) }, 'Replace');
  }

  async getDataMessage(code: string): Promise<DataMessageRecord | undefined> {
    await this.tables();
    try {
      const entity = await this.dataMessages.getEntity<Record<string, unknown>>(code, MESSAGE_ROW);
      return { ...pick<DataMessageRecord>(entity, MESSAGE_FIELDS), code, etag: entity.etag };
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  /**
   * Reserves a unique lookup code for a message, or returns the one it already holds. Candidates are
   * derived from the message id, so every delivery of the same content walks the same sequence and
   * finds its own reservation; a code held by another message is skipped.
   */
  async reserveLookupCode(message: NewDataMessage): Promise<DataMessageRecord> {
    await this.tables();
    for (let attempt = 0; attempt < MAX_CODE_ATTEMPTS; attempt++) {
      const code = candidateLookupCode(message.messageId, attempt);
      const record: DataMessageRecord = { ...message, code, state: 'reserved' };
      try {
        const created = await this.dataMessages.createEntity(
          defined({
            partitionKey: code,
            rowKey: MESSAGE_ROW,
            ...pick<DataMessageRecord>({ ...record }, MESSAGE_FIELDS),
          }),
        );
        return { ...record, etag: created.etag };
      } catch (error) {
        if (statusOf(error) !== 409) throw error;
      }
      const existing = await this.getDataMessage(code);
      if (existing?.messageId === message.messageId) return existing;
    }
    throw new Error(
      `No free lookup code for message ${message.messageId} after ${MAX_CODE_ATTEMPTS} candidates`,
    );
  }

  /**
   * Claims the build of a reserved message for this delivery. Returns false when another delivery
   * claimed it less than `staleAfterMs` ago (it is still working); a stale claim is taken over.
   */
  async claimBuild(record: DataMessageRecord, now: Date, staleAfterMs: number): Promise<boolean> {
    if (record.state === 'stored') return false;
    if (record.state === 'building' && record.claimedAt) {
      if (now.getTime() - new Date(record.claimedAt).getTime() < staleAfterMs) return false;
    }
    try {
      await this.dataMessages.updateEntity(
        { partitionKey: record.code, rowKey: MESSAGE_ROW, state: 'building', claimedAt: now.toISOString() },
        'Merge',
        record.etag ? { etag: record.etag } : {},
      );
      return true;
    } catch (error) {
      if (statusOf(error) === 412) return false;
      throw error;
    }
  }

  async markStored(
    code: string,
    stored: Required<
      Pick<DataMessageRecord, 'pdfPath' | 'manifestPath' | 'outputSha256' | 'pageCount' | 'signed'>
    >,
  ): Promise<void> {
    await this.dataMessages.updateEntity(
      { partitionKey: code, rowKey: MESSAGE_ROW, ...stored, state: 'stored' satisfies DataMessageState },
      'Merge',
    );
  }

  /** Gives up this delivery's claim after a transient failure, so the retry need not wait for it to go stale. */
  async releaseClaim(code: string): Promise<void> {
    const existing = await this.getDataMessage(code);
    if (existing?.state !== 'building') return;
    try {
      await this.dataMessages.updateEntity(
        { partitionKey: code, rowKey: MESSAGE_ROW, state: 'reserved' satisfies DataMessageState },
        'Merge',
        existing.etag ? { etag: existing.etag } : {},
      );
    } catch (error) {
      if (statusOf(error) !== 412 && statusOf(error) !== 404) throw error;
    }
  }

  /** Frees a reservation whose content turned out to be unconvertible, so the code never resolves. */
  async releaseLookupCode(code: string, messageId: string): Promise<void> {
    const existing = await this.getDataMessage(code);
    if (!existing || existing.messageId !== messageId || existing.state === 'stored') return;
    try {
      await this.dataMessages.deleteEntity(code, MESSAGE_ROW);
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
  }
}
