/**
 * Which orchestration histories to purge: those of instances that ended (Completed, Failed, Terminated)
 * more than the retention period ago.
 *
 * The durable client purges in bulk by *creation* time, not by end time. Purging everything created
 * before the cutoff would also purge a long-running instance that ended yesterday. So the bulk purge
 * stops just before the oldest instance that is still running or ended after the cutoff, and the few
 * instances created after that one but ended before the cutoff are purged one by one.
 */
export const PURGED_STATUSES = ['Completed', 'Failed', 'Terminated'] as const;

export interface InstanceSummary {
  instanceId: string;
  runtimeStatus: string;
  /** The durable client returns these as ISO strings (its types say Date). */
  createdTime: Date | string;
  /** For a finished instance, when it ended. */
  lastUpdatedTime: Date | string;
}

export interface PurgePlan {
  /** Instances that ended at or before this instant are purged. */
  cutoff: Date;
  /** Bulk purge of finished instances created up to this instant (all of them ended before the cutoff). */
  bulkCreatedTimeTo: Date;
  /** Finished before the cutoff, but created after the bulk limit: purged by id. */
  oneByOne: string[];
}

const DAY_MS = 86_400_000;

function isPurgeable(status: string): boolean {
  return (PURGED_STATUSES as readonly string[]).includes(status);
}

/** `createdBeforeCutoff`: every instance (any status) created at or before the cutoff. */
export function purgePlan(
  now: Date,
  retentionDays: number,
  createdBeforeCutoff: readonly InstanceSummary[],
): PurgePlan {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  const ended = (instance: InstanceSummary): number => new Date(instance.lastUpdatedTime).getTime();
  const created = (instance: InstanceSummary): number => new Date(instance.createdTime).getTime();
  const endedInTime = (instance: InstanceSummary): boolean =>
    isPurgeable(instance.runtimeStatus) && ended(instance) <= cutoff.getTime();
  const blockers = createdBeforeCutoff.filter((instance) => !endedInTime(instance));
  // Creation times come to the second; stopping a millisecond before the blocker's keeps it out.
  const limit = blockers.reduce((min, instance) => Math.min(min, created(instance) - 1), cutoff.getTime());
  return {
    cutoff,
    bulkCreatedTimeTo: new Date(limit),
    oneByOne: createdBeforeCutoff
      .filter((instance) => endedInTime(instance) && created(instance) > limit)
      .map((instance) => instance.instanceId),
  };
}
