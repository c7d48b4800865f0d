import { purgePlan, PURGED_STATUSES, type InstanceSummary } from './purgePlan';

/** The parts of the durable client the purge uses (durable-functions' DurableClient has them). */
export interface OrchestrationHistoryClient {
  getStatusBy(filter: { createdTimeFrom?: Date; createdTimeTo?: Date }): Promise<InstanceSummary[]>;
  purgeInstanceHistoryBy(filter: {
    createdTimeFrom?: Date;
    createdTimeTo?: Date;
    runtimeStatus?: string[];
  }): Promise<{ instancesDeleted: number }>;
  purgeInstanceHistory(instanceId: string): Promise<{ instancesDeleted: number }>;
}

export interface PurgeReport {
  cutoff: Date;
  purged: number;
  /** Instances that could not be purged one by one (replaced by a new run meanwhile, say), with why. */
  failures: { instanceId: string; reason: string }[];
}

/** The first instant the durable API accepts as createdTimeFrom: the purge covers all time before the cutoff. */
const BEGINNING = new Date(0);

/** Purges the history of orchestrations that ended more than `retentionDays` before `now`. Idempotent. */
export async function purgeFinishedOrchestrations(
  client: OrchestrationHistoryClient,
  now: Date,
  retentionDays: number,
): Promise<PurgeReport> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  const candidates = await client.getStatusBy({ createdTimeFrom: BEGINNING, createdTimeTo: cutoff });
  const plan = purgePlan(now, retentionDays, candidates);
  let purged = 0;
  if (plan.bulkCreatedTimeTo.getTime() >= BEGINNING.getTime()) {
    const bulk = await client.purgeInstanceHistoryBy({
      createdTimeFrom: BEGINNING,
      createdTimeTo: plan.bulkCreatedTimeTo,
      runtimeStatus: [...PURGED_STATUSES],
    });
    purged += bulk.instancesDeleted;
  }
  const failures: PurgeReport['failures'] = [];
  for (const instanceId of plan.oneByOne) {
    try {
      purged += (await client.purgeInstanceHistory(instanceId)).instancesDeleted;
    } catch (error) {
      failures.push({ instanceId, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { cutoff: plan.cutoff, purged, failures };
}
