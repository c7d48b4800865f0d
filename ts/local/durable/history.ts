/**
 * Builders for history events, and the summary of a history that the status API shows (showHistory),
 * shaped like the Durable extension's: string event types, scheduling events folded into completions.
 */
import { EventType, type EventTypeNumber, type HistoryEvent } from './types';

export function historyEvent(
  type: EventTypeNumber,
  timestamp: Date,
  fields: Omit<Partial<HistoryEvent>, 'EventType' | 'Timestamp'> = {},
): HistoryEvent {
  return { EventType: type, EventId: -1, IsPlayed: false, Timestamp: timestamp.toISOString(), ...fields };
}

/** JSON text of a value the way the extension stores payloads: `undefined` stays absent. */
export function toJsonText(value: unknown): string | undefined {
  return value === undefined ? undefined : JSON.stringify(value);
}

export function parseJsonText(text: string | undefined): unknown {
  if (text === undefined || text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

const NAMES = new Map<number, string>(Object.entries(EventType).map(([name, value]) => [value, name]));

/** Finds the event that scheduled task `id` (activity, timer or sub-orchestration) in a history. */
export function scheduledEvent(history: readonly HistoryEvent[], id: number): HistoryEvent | undefined {
  return history.find(
    (event) =>
      event.EventId === id &&
      (event.EventType === EventType.TaskScheduled ||
        event.EventType === EventType.TimerCreated ||
        event.EventType === EventType.SubOrchestrationInstanceCreated),
  );
}

/** True when task `id` already has its completion (or failure, or firing) in the history. */
export function isTaskFinished(history: readonly HistoryEvent[], id: number): boolean {
  return history.some(
    (event) =>
      ((event.EventType === EventType.TaskCompleted ||
        event.EventType === EventType.TaskFailed ||
        event.EventType === EventType.SubOrchestrationInstanceCompleted ||
        event.EventType === EventType.SubOrchestrationInstanceFailed) &&
        event.TaskScheduledId === id) ||
      (event.EventType === EventType.TimerFired && event.TimerId === id),
  );
}

const HIDDEN: ReadonlySet<number> = new Set([
  EventType.OrchestratorStarted,
  EventType.OrchestratorCompleted,
  EventType.TaskScheduled,
  EventType.SubOrchestrationInstanceCreated,
]);

export interface SummaryOptions {
  showHistoryOutput: boolean;
  showInput: boolean;
}

/** The history as GET instances/{id}?showHistory=true shows it. */
export function summarizeHistory(history: readonly HistoryEvent[], options: SummaryOptions): unknown[] {
  const out: Record<string, unknown>[] = [];
  for (const event of history) {
    if (HIDDEN.has(event.EventType)) continue;
    const item: Record<string, unknown> = {
      EventType: NAMES.get(event.EventType) ?? String(event.EventType),
    };
    const scheduledId = event.TaskScheduledId;
    const scheduled = scheduledId === undefined ? undefined : scheduledEvent(history, scheduledId);
    switch (event.EventType) {
      case EventType.ExecutionStarted:
        item.FunctionName = event.Name;
        if (options.showInput) item.Input = parseJsonText(event.Input);
        break;
      case EventType.TaskCompleted:
      case EventType.SubOrchestrationInstanceCompleted:
        item.FunctionName = scheduled?.Name;
        item.ScheduledTime = scheduled?.Timestamp;
        if (event.EventType === EventType.SubOrchestrationInstanceCompleted)
          item.InstanceId = scheduled?.InstanceId;
        if (options.showHistoryOutput) item.Result = parseJsonText(event.Result);
        break;
      case EventType.TaskFailed:
      case EventType.SubOrchestrationInstanceFailed:
        item.FunctionName = scheduled?.Name;
        item.ScheduledTime = scheduled?.Timestamp;
        item.Reason = event.Reason;
        item.Details = event.Details;
        break;
      case EventType.TimerCreated:
      case EventType.TimerFired:
        item.FireAt = event.FireAt;
        break;
      case EventType.EventRaised:
        item.Name = event.Name;
        if (options.showInput) item.Input = parseJsonText(event.Input);
        break;
      case EventType.ExecutionCompleted:
        item.OrchestrationStatus = event.OrchestrationStatus;
        if (options.showHistoryOutput) item.Result = parseJsonText(event.Result);
        break;
      case EventType.ExecutionTerminated:
      case EventType.ExecutionSuspended:
      case EventType.ExecutionResumed:
        item.Reason = parseJsonText(event.Input);
        break;
      default:
        break;
    }
    item.Timestamp = event.Timestamp;
    out.push(item);
  }
  return out;
}
