/**
 * The task hub in Azurite: one blob per instance (its state, history, inbox and outbox, written with
 * ETag checks so that concurrent writers never lose each other's messages), an index table to query
 * instances by status and creation time, a table of durable timers, and a queue of activity work items.
 */
import { odata, type TableClient } from '@azure/data-tables';
import type { ContainerClient } from '@azure/storage-blob';
import type { QueueClient } from '@azure/storage-queue';
import type { StorageClients } from '../../functions/core/storage';
import { isTerminal, type InboxMessage, type InstanceRecord, type RuntimeStatus } from './types';

export interface StoredInstance {
  record: InstanceRecord;
  etag: string;
}

export interface WorkItem {
  instanceId: string;
  executionId: string;
  taskId: number;
}

export interface DueTimer {
  instanceId: string;
  executionId: string;
  timerId: number;
  fireAt: string;
}

export interface IndexFilter {
  createdTimeFrom?: Date;
  createdTimeTo?: Date;
  runtimeStatus?: RuntimeStatus[];
  instanceIdPrefix?: string;
}

export interface IndexRow {
  instanceId: string;
  name: string;
  status: RuntimeStatus;
  createdTime: string;
}

/** The blob changed (or appeared) since it was read. */
class ConditionFailed extends Error {}

const MAX_WRITE_ATTEMPTS = 100;

function statusCode(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'statusCode' in error
    ? (error as { statusCode?: number }).statusCode
    : undefined;
}

async function readAll(stream: NodeJS.ReadableStream | undefined): Promise<Buffer> {
  if (!stream) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

export class DurableStore {
  readonly instances: ContainerClient;
  readonly index: TableClient;
  readonly timers: TableClient;
  readonly workItems: QueueClient;

  constructor(storage: StorageClients, taskHub: string) {
    const lower = taskHub.toLowerCase();
    this.instances = storage.container(`${lower}-instances`);
    this.index = storage.table(`${taskHub}Instances`);
    this.timers = storage.table(`${taskHub}Timers`);
    this.workItems = storage.queue(`${lower}-workitems`);
  }

  async init(): Promise<void> {
    await this.instances.createIfNotExists();
    await this.index.createTable();
    await this.timers.createTable();
    await this.workItems.createIfNotExists();
  }

  private blob(instanceId: string) {
    return this.instances.getBlockBlobClient(`${encodeURIComponent(instanceId)}.json`);
  }

  async read(instanceId: string): Promise<StoredInstance | undefined> {
    try {
      const response = await this.blob(instanceId).download();
      const record = JSON.parse(
        (await readAll(response.readableStreamBody)).toString('utf8'),
      ) as InstanceRecord;
      return { record, etag: response.etag ?? '' };
    } catch (error) {
      if (statusCode(error) === 404) return undefined;
      throw error;
    }
  }

  /** Writes a record if the blob is still at `etag` (or, with etag undefined, does not exist yet). */
  private async write(record: InstanceRecord, etag: string | undefined): Promise<string> {
    const body = Buffer.from(JSON.stringify(record), 'utf8');
    try {
      const response = await this.blob(record.instanceId).upload(body, body.length, {
        conditions: etag === undefined ? { ifNoneMatch: '*' } : { ifMatch: etag },
        blobHTTPHeaders: { blobContentType: 'application/json; charset=utf-8' },
      });
      await this.writeIndex(record);
      return response.etag ?? '';
    } catch (error) {
      const code = statusCode(error);
      if (code === 412 || code === 409 || (code === 404 && etag !== undefined)) throw new ConditionFailed();
      throw error;
    }
  }

  /**
   * Creates an instance, or replaces an existing one when `replace` allows it. Returns the record that
   * stays in place when it does not.
   */
  async create(
    record: InstanceRecord,
    replace: (existing: InstanceRecord) => boolean,
  ): Promise<{ created: true } | { created: false; existing: InstanceRecord }> {
    for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
      const existing = await this.read(record.instanceId);
      if (existing && !replace(existing.record)) return { created: false, existing: existing.record };
      try {
        await this.write(record, existing?.etag);
        if (existing) await this.deleteTimers(record.instanceId);
        return { created: true };
      } catch (error) {
        if (!(error instanceof ConditionFailed)) throw error;
      }
    }
    throw new Error(`Could not create instance ${record.instanceId}: too many concurrent writes`);
  }

  /** Read-modify-write with retries; `change` returns undefined to leave the record as it is. */
  async mutate(
    instanceId: string,
    change: (record: InstanceRecord) => InstanceRecord | undefined,
  ): Promise<InstanceRecord | undefined> {
    for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
      const stored = await this.read(instanceId);
      if (!stored) return undefined;
      const changed = change(stored.record);
      if (!changed) return stored.record;
      try {
        await this.write(changed, stored.etag);
        return changed;
      } catch (error) {
        if (!(error instanceof ConditionFailed)) throw error;
      }
    }
    throw new Error(`Could not update instance ${instanceId}: too many concurrent writes`);
  }

  /**
   * Adds a message to a live instance's inbox (once: a redelivered message id is ignored). Returns the
   * instance's status, or undefined when it does not exist.
   */
  async deliver(instanceId: string, message: InboxMessage): Promise<RuntimeStatus | undefined> {
    const record = await this.mutate(instanceId, (current) => {
      if (isTerminal(current.status) || current.inbox.some((m) => m.id === message.id)) return undefined;
      return { ...current, inbox: [...current.inbox, message] };
    });
    return record?.status;
  }

  /**
   * Saves what an episode computed from a record read at `etag`. Messages that arrived meanwhile are kept
   * (appended after the computed inbox); `basedOn` lists the messages the computation already saw. Gives
   * up (undefined) when the instance was purged or replaced by a new one in the meantime.
   */
  async commit(
    computed: InstanceRecord,
    etag: string,
    executionId: string,
    basedOn: readonly InboxMessage[],
  ): Promise<StoredInstance | undefined> {
    const seen = new Set(basedOn.map((message) => message.id));
    let expected = etag;
    let next = computed;
    for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
      try {
        return { record: next, etag: await this.write(next, expected) };
      } catch (error) {
        if (!(error instanceof ConditionFailed)) throw error;
      }
      const fresh = await this.read(computed.instanceId);
      if (!fresh || fresh.record.executionId !== executionId) return undefined;
      expected = fresh.etag;
      next = {
        ...computed,
        inbox: [...computed.inbox, ...fresh.record.inbox.filter((m) => !seen.has(m.id))],
      };
    }
    throw new Error(`Could not save instance ${computed.instanceId}: too many concurrent writes`);
  }

  async remove(instanceId: string): Promise<boolean> {
    const response = await this.blob(instanceId).deleteIfExists();
    await this.index.deleteEntity(instanceId, '').catch((error: unknown) => {
      if (statusCode(error) !== 404) throw error;
    });
    await this.deleteTimers(instanceId);
    return response.succeeded;
  }

  async *allRecords(): AsyncGenerator<InstanceRecord> {
    for await (const blob of this.instances.listBlobsFlat()) {
      if (!blob.name.endsWith('.json')) continue;
      const stored = await this.read(decodeURIComponent(blob.name.slice(0, -'.json'.length)));
      if (stored) yield stored.record;
    }
  }

  async writeIndex(record: InstanceRecord): Promise<void> {
    await this.index.upsertEntity(
      {
        partitionKey: record.instanceId,
        rowKey: '',
        Name: record.name,
        RuntimeStatus: record.status,
        CreatedTime: new Date(record.createdTime),
        LastUpdatedTime: new Date(record.lastUpdatedTime),
        ExecutionId: record.executionId,
      },
      'Replace',
    );
  }

  /** Instances matching a filter, oldest first. */
  async query(filter: IndexFilter): Promise<IndexRow[]> {
    const clauses: string[] = [];
    if (filter.createdTimeFrom) clauses.push(odata`CreatedTime ge ${filter.createdTimeFrom}`);
    if (filter.createdTimeTo) clauses.push(odata`CreatedTime le ${filter.createdTimeTo}`);
    if (filter.runtimeStatus && filter.runtimeStatus.length > 0) {
      clauses.push(
        `(${filter.runtimeStatus.map((status) => odata`RuntimeStatus eq ${status}`).join(' or ')})`,
      );
    }
    const rows: IndexRow[] = [];
    const entities = this.index.listEntities<{
      Name: string;
      RuntimeStatus: RuntimeStatus;
      CreatedTime: Date;
    }>(clauses.length > 0 ? { queryOptions: { filter: clauses.join(' and ') } } : {});
    for await (const entity of entities) {
      const instanceId = entity.partitionKey ?? '';
      if (filter.instanceIdPrefix && !instanceId.startsWith(filter.instanceIdPrefix)) continue;
      rows.push({
        instanceId,
        name: entity.Name,
        status: entity.RuntimeStatus,
        createdTime: new Date(entity.CreatedTime).toISOString(),
      });
    }
    return rows.sort(
      (a, b) => a.createdTime.localeCompare(b.createdTime) || a.instanceId.localeCompare(b.instanceId),
    );
  }

  async putTimer(timer: DueTimer): Promise<void> {
    await this.timers.upsertEntity(
      {
        partitionKey: timer.instanceId,
        rowKey: `${timer.executionId}-${timer.timerId}`,
        ExecutionId: timer.executionId,
        TimerId: timer.timerId,
        FireAt: new Date(timer.fireAt),
      },
      'Replace',
    );
  }

  async dueTimers(now: Date): Promise<DueTimer[]> {
    const due: DueTimer[] = [];
    const entities = this.timers.listEntities<{ ExecutionId: string; TimerId: number; FireAt: Date }>({
      queryOptions: { filter: odata`FireAt le ${now}` },
    });
    for await (const entity of entities) {
      due.push({
        instanceId: entity.partitionKey ?? '',
        executionId: entity.ExecutionId,
        timerId: Number(entity.TimerId),
        fireAt: new Date(entity.FireAt).toISOString(),
      });
    }
    return due.sort((a, b) => a.fireAt.localeCompare(b.fireAt));
  }

  async deleteTimer(timer: DueTimer): Promise<void> {
    await this.timers
      .deleteEntity(timer.instanceId, `${timer.executionId}-${timer.timerId}`)
      .catch((error: unknown) => {
        if (statusCode(error) !== 404) throw error;
      });
  }

  /** Deletes an instance's timers, or only those of other executions than `keepExecutionId`. */
  async deleteTimers(instanceId: string, keepExecutionId?: string): Promise<void> {
    const entities = this.timers.listEntities<{ ExecutionId: string }>({
      queryOptions: { filter: odata`PartitionKey eq ${instanceId}` },
    });
    for await (const entity of entities) {
      if (keepExecutionId !== undefined && entity.ExecutionId === keepExecutionId) continue;
      await this.timers.deleteEntity(instanceId, entity.rowKey ?? '').catch((error: unknown) => {
        if (statusCode(error) !== 404) throw error;
      });
    }
  }

  async enqueueWorkItem(item: WorkItem): Promise<void> {
    await this.workItems.sendMessage(JSON.stringify(item));
  }
}
