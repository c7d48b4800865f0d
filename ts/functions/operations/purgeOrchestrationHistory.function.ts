import { app, type InvocationContext, type Timer } from '@azure/functions';
import * as df from 'durable-functions';
import { appClock } from '../core/clock';
import { historyRetentionDays } from '../core/config';
import { purgeFinishedOrchestrations } from './purgeFinishedOrchestrations';

/** Daily: purges the history of orchestrations that ended more than the retention period ago. */
export async function purgeOrchestrationHistory(timer: Timer, context: InvocationContext): Promise<void> {
  const report = await purgeFinishedOrchestrations(
    df.getClient(context),
    appClock.now(),
    historyRetentionDays(),
  );
  context.log(
    `Purged the history of ${report.purged} orchestration(s) that ended before ${report.cutoff.toISOString()}` +
      (timer.isPastDue ? ' (run was past due)' : ''),
  );
  for (const failure of report.failures) {
    context.warn(`Could not purge orchestration ${failure.instanceId}: ${failure.reason}`);
  }
}

app.timer('purgeOrchestrationHistory', {
  // NCRONTAB, six fields, UTC: 19:30 UTC is 02:30 in Vietnam (UTC+7), a quiet hour.
  schedule: '0 30 19 * * *',
  extraInputs: [df.input.durableClient()],
  handler: purgeOrchestrationHistory,
});
