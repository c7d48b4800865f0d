/**
 * One orchestrator episode: the whole history goes to the orchestrator function through the host's
 * runner (so the durable-functions SDK replays it with its own executor), and what it returns is turned
 * into new history events and work by the decider.
 */
import type { RegisteredFunction } from '../functionsCore';
import { triggerBinding } from '../invoke';
import { decide, type Command } from './decider';
import { historyEvent, toJsonText } from './history';
import {
  ActionType,
  EventType,
  type HistoryEvent,
  type InstanceRecord,
  type SdkOrchestratorState,
} from './types';
import type { FunctionRunner } from './engine';

/** The timer limits the Durable extension passes for Azure Storage: timers over 6 days go in 3-day steps. */
export const MAXIMUM_SHORT_TIMER = '6.00:00:00';
export const LONG_TIMER_INTERVAL = '3.00:00:00';
const DAY_MS = 86_400_000;
const MAXIMUM_SHORT_TIMER_MS = 6 * DAY_MS;
const LONG_TIMER_INTERVAL_MS = 3 * DAY_MS;
/** durable-functions' ReplaySchema.V4, the newest the SDK knows. */
const UPPER_SCHEMA_VERSION = 3;
const OUT_OF_PROC_DATA = '$OutOfProcData$:';

export type EpisodeOutcome =
  | { kind: 'running'; events: HistoryEvent[]; commands: Command[]; customStatus: string | undefined }
  | { kind: 'completed'; events: HistoryEvent[]; output: string; customStatus: string | undefined }
  | {
      kind: 'failed';
      events: HistoryEvent[];
      message: string;
      details: string;
      customStatus: string | undefined;
    }
  | {
      kind: 'continuedAsNew';
      events: HistoryEvent[];
      input: string | undefined;
      carryOver: HistoryEvent[];
      customStatus: string | undefined;
    };

export interface EpisodeContext {
  orchestrator: RegisteredFunction | undefined;
  run: FunctionRunner;
  now: Date;
}

interface Invocation {
  state?: SdkOrchestratorState;
  error?: { message: string; details: string };
}

function errorParts(error: unknown): { message: string; details: string } {
  if (error instanceof Error) return { message: error.message, details: error.stack ?? '' };
  return { message: String(error), details: '' };
}

/** An orchestrator that throws carries its state after a marker in the error message. */
function stateFromFailure(message: string): SdkOrchestratorState | undefined {
  const at = message.indexOf(OUT_OF_PROC_DATA);
  if (at < 0) return undefined;
  try {
    return JSON.parse(message.slice(at + OUT_OF_PROC_DATA.length)) as SdkOrchestratorState;
  } catch {
    return undefined;
  }
}

async function invokeOrchestrator(
  orchestrator: RegisteredFunction,
  record: InstanceRecord,
  history: HistoryEvent[],
  run: FunctionRunner,
): Promise<Invocation> {
  const payload = {
    history,
    input: record.input === undefined ? undefined : (JSON.parse(record.input) as unknown),
    instanceId: record.instanceId,
    isReplaying: record.history.length > 0,
    parentInstanceId: record.parent?.instanceId,
    upperSchemaVersion: UPPER_SCHEMA_VERSION,
    upperSchemaVersionNew: UPPER_SCHEMA_VERSION,
    maximumShortTimerDuration: MAXIMUM_SHORT_TIMER,
    longRunningTimerIntervalDuration: LONG_TIMER_INTERVAL,
    defaultHttpAsyncRequestSleepTimeMillseconds: 30_000,
  };
  const [triggerName] = triggerBinding(orchestrator);
  try {
    const result = await run(orchestrator, {
      inputData: [{ name: triggerName, data: { json: JSON.stringify(payload) } }],
    });
    const state = result.returnValue as SdkOrchestratorState | undefined;
    if (typeof state !== 'object' || state === null || !Array.isArray(state.actions)) {
      return { error: { message: 'The orchestrator did not return an orchestration state.', details: '' } };
    }
    return { state };
  } catch (error) {
    const parts = errorParts(error);
    const state = stateFromFailure(parts.message);
    if (!state) return { error: parts };
    return { state, error: { message: state.error ?? parts.message, details: parts.details } };
  }
}

function scheduling(command: Command, now: Date): HistoryEvent {
  switch (command.kind) {
    case 'activity':
      return historyEvent(EventType.TaskScheduled, now, {
        EventId: command.id,
        Name: command.name,
        Input: command.input,
      });
    case 'timer':
      return historyEvent(EventType.TimerCreated, now, { EventId: command.id, FireAt: command.fireAt });
    case 'subOrchestration':
      return historyEvent(EventType.SubOrchestrationInstanceCreated, now, {
        EventId: command.id,
        Name: command.name,
        InstanceId: command.instanceId,
        Input: command.input,
      });
  }
}

/**
 * Runs one episode. `newEvents` are the events this episode delivers (after an OrchestratorStarted the
 * caller adds); the outcome's `events` are what to append to the history after them.
 */
export async function runEpisode(
  record: InstanceRecord,
  newEvents: readonly HistoryEvent[],
  context: EpisodeContext,
): Promise<EpisodeOutcome> {
  const { now } = context;
  const episode = [historyEvent(EventType.OrchestratorStarted, now), ...newEvents];
  const failed = (message: string, details: string, customStatus?: string): EpisodeOutcome => ({
    kind: 'failed',
    events: [...episode, historyEvent(EventType.OrchestratorCompleted, now)],
    message,
    details,
    customStatus,
  });
  if (!context.orchestrator) {
    return failed(
      `The function '${record.name}' doesn't exist, is disabled, or is not an orchestrator function.`,
      '',
    );
  }
  const history = [...record.history.map((event) => ({ ...event, IsPlayed: true })), ...episode];
  const { state, error } = await invokeOrchestrator(context.orchestrator, record, history, context.run);
  const customStatus = toJsonText(state?.customStatus) ?? record.customStatus;
  if (error || !state) {
    return failed(
      error?.message ?? 'The orchestrator returned no state.',
      error?.details ?? '',
      customStatus,
    );
  }
  const actions = (state.actions ?? []).flat();
  const decision = decide({
    instanceId: record.instanceId,
    history,
    actions,
    maximumShortTimerMs: MAXIMUM_SHORT_TIMER_MS,
    longTimerIntervalMs: LONG_TIMER_INTERVAL_MS,
  });
  if (decision.error) return failed(decision.error, '', customStatus);
  const done = historyEvent(EventType.OrchestratorCompleted, now);
  if (state.isDone) {
    const continueAction = actions.find((action) => action.actionType === ActionType.ContinueAsNew);
    if (continueAction) {
      const input =
        decision.continueAsNew?.input ??
        (typeof continueAction.input === 'string' ? continueAction.input : toJsonText(continueAction.input));
      const events = [...episode, done, historyEvent(EventType.ContinueAsNew, now, { Result: input })];
      return {
        kind: 'continuedAsNew',
        events,
        input,
        carryOver: decision.continueAsNew?.carryOver ?? [],
        customStatus,
      };
    }
    return {
      kind: 'completed',
      events: [...episode, done],
      output: toJsonText(state.output) ?? 'null',
      customStatus,
    };
  }
  const events = [...episode, ...decision.commands.map((command) => scheduling(command, now)), done];
  return { kind: 'running', events, commands: decision.commands, customStatus };
}
