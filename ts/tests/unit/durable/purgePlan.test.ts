/**
 * The purge rule: histories of orchestrations that ended more than the retention period ago go, the
 * rest stays, although the durable client can purge in bulk only by creation time.
 */
import { describe, expect, it } from 'vitest';
import { purgePlan, type InstanceSummary } from '../../../functions/operations/purgePlan';

const NOW = new Date('2025-06-30T19:30:00Z');
const DAY = 86_400_000;
const daysAgo = (days: number): string =>
  new Date(NOW.getTime() - days * DAY).toISOString().slice(0, 19) + 'Z';

function instance(id: string, status: string, createdDaysAgo: number, endedDaysAgo: number): InstanceSummary {
  return {
    instanceId: id,
    runtimeStatus: status,
    createdTime: daysAgo(createdDaysAgo),
    lastUpdatedTime: daysAgo(endedDaysAgo),
  };
}

describe('purgePlan', () => {
  it('purges in bulk everything created before the cutoff when all of it has ended in time', () => {
    const plan = purgePlan(NOW, 90, [instance('a', 'Completed', 200, 199), instance('b', 'Failed', 100, 95)]);
    expect(plan.cutoff.toISOString()).toBe('2025-04-01T19:30:00.000Z');
    expect(plan.bulkCreatedTimeTo).toEqual(plan.cutoff);
    expect(plan.oneByOne).toEqual([]);
  });

  it('stops the bulk purge before an old instance that is running or ended recently, and purges later ones by id', () => {
    const plan = purgePlan(NOW, 90, [
      instance('old', 'Completed', 300, 299),
      instance('longRunner', 'Terminated', 200, 10),
      instance('running', 'Running', 250, 1),
      instance('between', 'Completed', 150, 149),
      instance('suspended', 'Suspended', 120, 100),
    ]);
    expect(plan.bulkCreatedTimeTo.toISOString()).toBe(new Date(Date.parse(daysAgo(250)) - 1).toISOString());
    expect(plan.oneByOne).toEqual(['between']);
  });

  it('keeps an instance that ended exactly at the cutoff in the purge and one a second later out of it', () => {
    const atCutoff = {
      instanceId: 'edge',
      runtimeStatus: 'Completed',
      createdTime: daysAgo(95),
      lastUpdatedTime: daysAgo(90),
    };
    const after = {
      instanceId: 'later',
      runtimeStatus: 'Completed',
      createdTime: daysAgo(94),
      lastUpdatedTime: new Date(Date.parse(daysAgo(90)) + 1000).toISOString(),
    };
    const plan = purgePlan(NOW, 90, [atCutoff, after]);
    expect(plan.bulkCreatedTimeTo.getTime()).toBeLessThan(Date.parse(daysAgo(94)));
    expect(plan.bulkCreatedTimeTo.getTime()).toBeGreaterThanOrEqual(Date.parse(daysAgo(95)));
    expect(plan.oneByOne).toEqual([]);
  });
});
