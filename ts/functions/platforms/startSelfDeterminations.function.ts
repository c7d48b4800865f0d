import { app, type InvocationContext, type Timer } from '@azure/functions';
import * as df from 'durable-functions';
import { platformsServices } from './platformsServices';
import { orchestrationClient } from './selfDeterminationStarter';
import { startYearlyCycle } from './startYearlyCycle';

/**
 * Every 1 January 00:05 Vietnam time (31 December 17:05 UTC): starts the year's self-determinations.
 * Runnable by hand (POST /admin/functions/startSelfDeterminations). Throws when any could not be
 * started, so the host records the run as failed; a rerun starts only what is missing.
 */
export async function startSelfDeterminations(_timer: Timer, context: InvocationContext): Promise<void> {
  const counts = await startYearlyCycle(
    platformsServices(),
    orchestrationClient(df.getClient(context)),
    (platformId, error) => context.error(`Self-determination of ${platformId} could not be started`, error),
  );
  if (!counts) return;
  context.log(`Self-determination cycle ${counts.cycle}: ${JSON.stringify(counts)}`);
  if (counts.failed) {
    throw new Error(`${counts.failed} self-determinations of cycle ${counts.cycle} could not be started`);
  }
}

app.timer('startSelfDeterminations', {
  schedule: '0 5 17 31 12 *',
  extraInputs: [df.input.durableClient()],
  handler: startSelfDeterminations,
});
