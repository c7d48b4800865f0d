import { ConflictError } from '../core/errors';
import { storage, type StorageClients } from '../core/storage';
import type { Classification } from './classification';
import { byPartition, dataOf, padVersion, platformTable, PLATFORM_TABLES, statusOf } from './platformTable';
import type { StatisticsBody } from './schemas';

/** One accepted statistics submission. Versions are never overwritten: a change is a new version. */
export interface StoredSubmission extends StatisticsBody {
  platformId: string;
  cycle: number;
  version: number;
  submittedAt: string;
  /** Received after the cycle's deadline. */
  late: boolean;
  /** SHA-256 of the submitted content (without `reason`): the same content again is not a new version. */
  contentSha256: string;
  classification: Classification;
}

export function statisticsPartition(platformId: string, cycle: number): string {
  return `${platformId}-${cycle}`;
}

export class StatisticsStore {
  constructor(private readonly clients: StorageClients = storage()) {}

  async history(platformId: string, cycle: number): Promise<StoredSubmission[]> {
    const table = await platformTable(PLATFORM_TABLES.statistics, this.clients);
    const versions: StoredSubmission[] = [];
    for await (const entity of table.listEntities<{ data: string }>(
      byPartition(statisticsPartition(platformId, cycle)),
    )) {
      versions.push(dataOf<StoredSubmission>(entity));
    }
    return versions.sort((a, b) => a.version - b.version);
  }

  async latest(platformId: string, cycle: number): Promise<StoredSubmission | undefined> {
    return (await this.history(platformId, cycle)).at(-1);
  }

  async get(platformId: string, cycle: number, version: number): Promise<StoredSubmission | undefined> {
    const table = await platformTable(PLATFORM_TABLES.statistics, this.clients);
    try {
      return dataOf<StoredSubmission>(
        await table.getEntity<{ data: string }>(statisticsPartition(platformId, cycle), padVersion(version)),
      );
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  /** Stores a new version; inserting (never replacing) makes two writers of the same version a conflict. */
  async append(submission: StoredSubmission): Promise<void> {
    const table = await platformTable(PLATFORM_TABLES.statistics, this.clients);
    try {
      await table.createEntity({
        partitionKey: statisticsPartition(submission.platformId, submission.cycle),
        rowKey: padVersion(submission.version),
        data: JSON.stringify(submission),
      });
    } catch (error) {
      if (statusOf(error) === 409) {
        throw new ConflictError(
          'Another submission for this cycle was stored at the same moment; send yours again.',
        );
      }
      throw error;
    }
  }
}
