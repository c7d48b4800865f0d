import { randomUUID } from 'node:crypto';
import type { DurableClient } from 'durable-functions';
import type { DeterminationStore } from './determinationStore';
import { selfDeterminationInstanceId, type StartedBy } from './determinationStatus';
import {
  SELF_DETERMINATION,
  STATISTICS_EVENT,
  type SelfDeterminationInput,
  type StatisticsEvent,
} from './selfDeterminationOrchestrator';

/** The few orchestration-client calls the starter needs, so it can be driven by any Durable client. */
export interface OrchestrationClient {
  runtimeStatus(instanceId: string): Promise<string | undefined>;
  start(name: string, instanceId: string, input: unknown): Promise<void>;
  raise(instanceId: string, eventName: string, data: unknown): Promise<void>;
}

export function orchestrationClient(client: DurableClient): OrchestrationClient {
  return {
    async runtimeStatus(instanceId) {
      try {
        return (await client.getStatus(instanceId)).runtimeStatus;
      } catch (error) {
        // The SDK reports an unknown instance as an Error mentioning the HTTP 404 it got.
        if (error instanceof Error && /HTTP 404/.test(error.message)) return undefined;
        throw error;
      }
    },
    async start(name, instanceId, input) {
      await client.startNew(name, { instanceId, input });
    },
    async raise(instanceId, eventName, data) {
      await client.raiseEvent(instanceId, eventName, data);
    },
  };
}

const ACTIVE = new Set(['Running', 'Pending', 'Suspended', 'ContinuedAsNew']);

export type EnsureOutcome = 'started' | 'signalled' | 'alreadyStarted' | 'upToDate';

/**
 * Makes sure the cycle's orchestration knows about the latest submission, or (without one, from the timer)
 * that it has been started. Idempotent: an instance already running gets an event it will ignore if it
 * has seen the version; a finished one is started again only for a version it has not handled.
 */
export async function ensureSelfDetermination(
  client: OrchestrationClient,
  determinations: DeterminationStore,
  request: { platformId: string; cycle: number; startedBy: StartedBy; submissionVersion?: number },
): Promise<EnsureOutcome> {
  const instanceId = selfDeterminationInstanceId(request.platformId, request.cycle);
  const status = await client.runtimeStatus(instanceId);
  const version = request.submissionVersion;
  if (status !== undefined && ACTIVE.has(status)) {
    if (version === undefined) return 'alreadyStarted';
    await client.raise(instanceId, STATISTICS_EVENT, { version } satisfies StatisticsEvent);
    return 'signalled';
  }
  const record = await determinations.get(request.platformId, request.cycle);
  if (version === undefined && (status !== undefined || record !== undefined)) return 'alreadyStarted';
  if (version !== undefined && record && record.processedVersion >= version) return 'upToDate';
  const input: SelfDeterminationInput = {
    platformId: request.platformId,
    cycle: request.cycle,
    startedBy: request.startedBy,
    runId: randomUUID(),
  };
  if (version !== undefined) input.submissionVersion = version;
  await client.start(SELF_DETERMINATION, instanceId, input);
  return 'started';
}
