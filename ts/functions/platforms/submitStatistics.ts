import { createHash } from 'node:crypto';
import type { Clock } from '../core/clock';
import { ConflictError, ValidationError } from '../core/errors';
import { classify } from './classification';
import { deadlineFor } from './cycles';
import type { DeterminationStore } from './determinationStore';
import type { PopulationStore } from './populationStore';
import type { StatisticsBody } from './schemas';
import type { StatisticsStore, StoredSubmission } from './statisticsStore';
import { validateStatistics } from './statisticsValidation';

export interface SubmitDeps {
  statistics: StatisticsStore;
  population: PopulationStore;
  determinations: DeterminationStore;
  clock: Clock;
}

export interface SubmitResult {
  submission: StoredSubmission;
  /** The first submission for this cycle. */
  first: boolean;
  /** False when the same content was sent again: nothing was stored. */
  changed: boolean;
}

/** JSON with sorted keys, so the same content always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function contentSha256(statistics: StatisticsBody): string {
  const content: Partial<StatisticsBody> = { ...statistics };
  delete content.reason;
  return createHash('sha256').update(canonical(content), 'utf8').digest('hex');
}

/**
 * Accepts a platform's statistics for a cycle: validates everything at once, classifies against the most
 * recent population figure, and stores a new version before anything else happens. The same content again
 * changes nothing; different content is a new version (earlier ones stay in the history); once the
 * regulator has accepted the cycle, a change must give a reason.
 */
export async function submitStatistics(
  deps: SubmitDeps,
  platformId: string,
  cycleText: string,
  body: unknown,
): Promise<SubmitResult> {
  const now = deps.clock.now();
  const population = await deps.population.mostRecent(now);
  const { cycle, statistics } = validateStatistics(cycleText, body, now, population);
  if (!population) {
    throw new ConflictError(
      'No official population figure is recorded yet, so the scale cannot be determined. The regulator records it at PUT /api/population/{year}.',
    );
  }
  const hash = contentSha256(statistics);
  const latest = await deps.statistics.latest(platformId, cycle);
  if (latest && latest.contentSha256 === hash) return { submission: latest, first: false, changed: false };

  const determination = await deps.determinations.get(platformId, cycle);
  if (determination?.acceptedVersion !== undefined && !statistics.reason) {
    throw new ValidationError([
      { field: 'reason', message: `The regulator accepted cycle ${cycle}; say why the statistics change.` },
    ]);
  }
  const submission: StoredSubmission = {
    ...statistics,
    platformId,
    cycle,
    version: (latest?.version ?? 0) + 1,
    submittedAt: now.toISOString(),
    late: now.getTime() >= deadlineFor(cycle).getTime(),
    contentSha256: hash,
    classification: classify(statistics.months, population, statistics.intermediary),
  };
  await deps.statistics.append(submission);
  return { submission, first: latest === undefined, changed: true };
}
