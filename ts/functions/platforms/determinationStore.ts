import { storage, type StorageClients } from '../core/storage';
import type { DeterminationRecord, ReviewRecord, TimelineEntry } from './determinationStatus';
import { byPartition, dataOf, padVersion, platformTable, PLATFORM_TABLES, statusOf } from './platformTable';
import { statisticsPartition } from './statisticsStore';

/** Determination records (one per platform and cycle), their timelines and the regulator's reviews. */
export class DeterminationStore {
  constructor(private readonly clients: StorageClients = storage()) {}

  async get(platformId: string, cycle: number): Promise<DeterminationRecord | undefined> {
    const table = await platformTable(PLATFORM_TABLES.determinations, this.clients);
    try {
      return dataOf<DeterminationRecord>(await table.getEntity<{ data: string }>(platformId, String(cycle)));
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async list(cycle?: number): Promise<DeterminationRecord[]> {
    const table = await platformTable(PLATFORM_TABLES.determinations, this.clients);
    const records: DeterminationRecord[] = [];
    const options = cycle === undefined ? {} : { queryOptions: { filter: `RowKey eq '${cycle}'` } };
    for await (const entity of table.listEntities<{ data: string }>(options))
      records.push(dataOf<DeterminationRecord>(entity));
    return records;
  }

  /** Creates the record unless it exists; returns the stored one and whether it was created now. */
  async open(initial: DeterminationRecord): Promise<{ record: DeterminationRecord; created: boolean }> {
    const table = await platformTable(PLATFORM_TABLES.determinations, this.clients);
    try {
      await table.createEntity({
        ...this.key(initial),
        status: initial.status,
        data: JSON.stringify(initial),
      });
      return { record: initial, created: true };
    } catch (error) {
      if (statusOf(error) !== 409) throw error;
    }
    const existing = await this.get(initial.platformId, initial.cycle);
    if (!existing) throw new Error(`Determination ${initial.instanceId} vanished while opening it`);
    return { record: existing, created: false };
  }

  async save(record: DeterminationRecord): Promise<void> {
    const table = await platformTable(PLATFORM_TABLES.determinations, this.clients);
    await table.upsertEntity(
      { ...this.key(record), status: record.status, data: JSON.stringify(record) },
      'Replace',
    );
  }

  /** Adds a timeline entry; its id comes from the orchestration, so a repeated activity writes it once. */
  async addTimeline(platformId: string, cycle: number, entry: TimelineEntry): Promise<void> {
    const table = await platformTable(PLATFORM_TABLES.timeline, this.clients);
    await table.upsertEntity(
      { partitionKey: statisticsPartition(platformId, cycle), rowKey: entry.id, data: JSON.stringify(entry) },
      'Replace',
    );
  }

  async timeline(platformId: string, cycle: number): Promise<TimelineEntry[]> {
    const table = await platformTable(PLATFORM_TABLES.timeline, this.clients);
    const rows: { entry: TimelineEntry; written: string }[] = [];
    for await (const entity of table.listEntities<{ data: string }>(
      byPartition(statisticsPartition(platformId, cycle)),
    )) {
      rows.push({ entry: dataOf<TimelineEntry>(entity), written: entity.timestamp ?? '' });
    }
    // By orchestration time; entries of the same instant in the order they were written.
    rows.sort(
      (a, b) =>
        a.entry.at.localeCompare(b.entry.at) ||
        a.written.localeCompare(b.written) ||
        a.entry.id.localeCompare(b.entry.id),
    );
    return rows.map((row) => row.entry);
  }

  /**
   * Records the regulator's review of one submission version. Only one review per version: the first one
   * stored wins, and the stored one is returned so the caller can tell a repeat from a contradiction.
   */
  async recordReview(
    platformId: string,
    cycle: number,
    review: ReviewRecord,
  ): Promise<{ review: ReviewRecord; created: boolean }> {
    const table = await platformTable(PLATFORM_TABLES.reviews, this.clients);
    const key = { partitionKey: statisticsPartition(platformId, cycle), rowKey: padVersion(review.version) };
    try {
      await table.createEntity({ ...key, data: JSON.stringify(review) });
      return { review, created: true };
    } catch (error) {
      if (statusOf(error) !== 409) throw error;
    }
    return {
      review: dataOf<ReviewRecord>(await table.getEntity<{ data: string }>(key.partitionKey, key.rowKey)),
      created: false,
    };
  }

  async reviews(platformId: string, cycle: number): Promise<ReviewRecord[]> {
    const table = await platformTable(PLATFORM_TABLES.reviews, this.clients);
    const reviews: ReviewRecord[] = [];
    for await (const entity of table.listEntities<{ data: string }>(
      byPartition(statisticsPartition(platformId, cycle)),
    )) {
      reviews.push(dataOf<ReviewRecord>(entity));
    }
    return reviews.sort((a, b) => a.version - b.version);
  }

  private key(record: DeterminationRecord): { partitionKey: string; rowKey: string } {
    return { partitionKey: record.platformId, rowKey: String(record.cycle) };
  }
}
