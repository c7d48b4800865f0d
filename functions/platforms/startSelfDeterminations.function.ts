import { app, type InvocationContext, type Timer } from '@azure/functions';
import * as df from 'durable-functions';
import { FIRST_CYCLE, operatesTwelveMonthsBy, vietnamDate } from './cycles';
import { platformsServices } from './platformsServices';
import { ensureSelfDetermination, orchestrationClient } from './selfDeterminationStarter';

/**
 * Every 1 January 00:05 Vietnam time (31 December 17:05 UTC): starts the year's self-determination for
 * every registered platform that will have operated 12 months by the deadline. Runs again harmlessly:
 * a cycle already started is left alone. Runnable by hand (POST /admin/functions/startSelfDeterminations).
 */
export async function startSelfDeterminations(_timer: Timer, context: InvocationContext): Promise<void> {
  const services = platformsServices();
  const client = orchestrationClient(df.getClient(context));
  const cycle = vietnamDate(services.clock.now()).year;
  if (cycle < FIRST_CYCLE) return;
  const counts = { started: 0, alreadyStarted: 0, notYetTwelveMonths: 0, failed: 0 };
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
      context.error(`Self-determination ${platform.id}/${cycle} could not be started`, error);
    }
  }
  context.log(`Self-determination cycle ${cycle}: ${JSON.stringify(counts)}`);
  if (counts.failed)
    throw new Error(`${counts.failed} self-determinations of cycle ${cycle} could not be started`);
}

app.timer('startSelfDeterminations', {
  schedule: '0 5 17 31 12 *',
  extraInputs: [df.input.durableClient()],
  handler: startSelfDeterminations,
});
