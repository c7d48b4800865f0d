import { FIRST_CYCLE, operatesTwelveMonthsBy, vietnamDate } from './cycles';
import type { PlatformsServices } from './platformsServices';
import { ensureSelfDetermination, type OrchestrationClient } from './selfDeterminationStarter';

export interface YearlyCycleCounts {
  cycle: number;
  started: number;
  alreadyStarted: number;
  notYetTwelveMonths: number;
  failed: number;
}

/**
 * Starts the self-determination of the current year (Vietnam time) for every registered platform that
 * will have operated 12 months by the deadline (Decree 137, Art. 18.2). A cycle already started is left
 * alone, so running it again is harmless. A platform that cannot be started is counted and reported to
 * `onFailure`; the others still start.
 */
export async function startYearlyCycle(
  services: Pick<PlatformsServices, 'clock' | 'platforms' | 'determinations'>,
  client: OrchestrationClient,
  onFailure: (platformId: string, error: unknown) => void,
): Promise<YearlyCycleCounts | undefined> {
  const cycle = vietnamDate(services.clock.now()).year;
  if (cycle < FIRST_CYCLE) return undefined;
  const counts: YearlyCycleCounts = {
    cycle,
    started: 0,
    alreadyStarted: 0,
    notYetTwelveMonths: 0,
    failed: 0,
  };
  for (const platform of await services.platforms.list()) {
    if (!operatesTwelveMonthsBy(platform.operatingSince, cycle)) {
      counts.notYetTwelveMonths++;
      continue;
    }
    try {
      const outcome = await ensureSelfDetermination(client, services.determinations, {
        platformId: platform.id,
        cycle,
        startedBy: 'timer',
      });
      if (outcome === 'started') counts.started++;
      else counts.alreadyStarted++;
    } catch (error) {
      counts.failed++;
      onFailure(platform.id, error);
    }
  }
  return counts;
}
