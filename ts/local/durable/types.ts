/**
 * The data the local Durable Task engine keeps: history events in the wire format the durable-functions
 * SDK replays (PascalCase, as the Durable extension sends them), instance records and their messages.
 */

/** History event types, numbered as in durable-functions' HistoryEventType (and DTFx). */
export const EventType = {
  ExecutionStarted: 0,
  ExecutionCompleted: 1,
  ExecutionFailed: 2,
  ExecutionTerminated: 3,
  TaskScheduled: 4,
  TaskCompleted: 5,
  TaskFailed: 6,
  SubOrchestrationInstanceCreated: 7,
  SubOrchestrationInstanceCompleted: 8,
  SubOrchestrationInstanceFailed: 9,
  TimerCreated: 10,
  TimerFired: 11,
  OrchestratorStarted: 12,
  OrchestratorCompleted: 13,
  EventSent: 14,
  EventRaised: 15,
  ContinueAsNew: 16,
  ExecutionSuspended: 19,
  ExecutionResumed: 20,
} as const;

export type EventTypeNumber = (typeof EventType)[keyof typeof EventType];

/** One history event. Payload fields are JSON text, as the SDK parses them with JSON.parse. */
export interface HistoryEvent {
  EventType: EventTypeNumber;
  /** The task id for TaskScheduled, TimerCreated and SubOrchestrationInstanceCreated; -1 otherwise. */
  EventId: number;
  IsPlayed: boolean;
  Timestamp: string;
  Name?: string;
  Input?: string;
  Result?: string;
  Reason?: string;
  Details?: string;
  TaskScheduledId?: number;
  TimerId?: number;
  FireAt?: string;
  InstanceId?: string;
  OrchestrationStatus?: RuntimeStatus;
}

export type RuntimeStatus =
  'Pending' | 'Running' | 'Completed' | 'ContinuedAsNew' | 'Failed' | 'Canceled' | 'Terminated' | 'Suspended';

export const RUNTIME_STATUSES: readonly RuntimeStatus[] = [
  'Pending',
  'Running',
  'Completed',
  'ContinuedAsNew',
  'Failed',
  'Canceled',
  'Terminated',
  'Suspended',
];

const TERMINAL: ReadonlySet<RuntimeStatus> = new Set(['Completed', 'Failed', 'Terminated', 'Canceled']);

export function isTerminal(status: RuntimeStatus): boolean {
  return TERMINAL.has(status);
}

/** Where a sub-orchestration reports back to. */
export interface ParentRef {
  instanceId: string;
  executionId: string;
  taskId: number;
}

/**
 * A message for an instance: one history event, waiting in the instance's inbox until an episode applies
 * it. `id` makes redelivery harmless; completions carry the execution they belong to.
 */
export interface InboxMessage {
  id: string;
  executionId?: string;
  event: HistoryEvent;
}

/** Work an episode decided on, kept with the instance until it has been handed out (at least once). */
export type OutboxItem =
  | { kind: 'activity'; executionId: string; taskId: number }
  | { kind: 'timer'; executionId: string; timerId: number; fireAt: string }
  | {
      kind: 'subOrchestration';
      executionId: string;
      taskId: number;
      name: string;
      instanceId: string;
      input: string | undefined;
    }
  | { kind: 'notifyParent'; parent: ParentRef; message: InboxMessage }
  | { kind: 'clearTimers' };

/** Everything about one instance, stored as one blob so that a restart resumes it as it was. */
export interface InstanceRecord {
  instanceId: string;
  name: string;
  executionId: string;
  status: RuntimeStatus;
  /** JSON text, or undefined when the orchestration was started without input. */
  input: string | undefined;
  output: string | undefined;
  customStatus: string | undefined;
  createdTime: string;
  lastUpdatedTime: string;
  parent?: ParentRef;
  /** The current execution's history (continueAsNew starts a new one). */
  history: HistoryEvent[];
  inbox: InboxMessage[];
  outbox: OutboxItem[];
}

/** An action as the SDK returns it in OrchestratorState.actions (after a JSON round trip). */
export interface SdkAction {
  actionType: number;
  functionName?: string;
  input?: unknown;
  retryOptions?: SdkRetryOptions;
  instanceId?: string;
  fireAt?: string;
  isCanceled?: boolean;
  externalEventName?: string;
  compoundActions?: SdkAction[];
}

export interface SdkRetryOptions {
  firstRetryIntervalInMilliseconds: number;
  maxNumberOfAttempts: number;
  backoffCoefficient?: number;
  maxRetryIntervalInMilliseconds?: number;
  retryTimeoutInMilliseconds?: number;
}

/** Action types, numbered as in durable-functions' ActionType. */
export const ActionType = {
  CallActivity: 0,
  CallActivityWithRetry: 1,
  CallSubOrchestrator: 2,
  CallSubOrchestratorWithRetry: 3,
  ContinueAsNew: 4,
  CreateTimer: 5,
  WaitForExternalEvent: 6,
  CallEntity: 7,
  CallHttp: 8,
  SignalEntity: 9,
  WhenAny: 11,
  WhenAll: 12,
  LockEntities: 13,
  ReleaseEntities: 14,
} as const;

/** The OrchestratorState an orchestrator function returns (or carries in its failure). */
export interface SdkOrchestratorState {
  isDone: boolean;
  actions: SdkAction[][];
  output?: unknown;
  error?: string;
  customStatus?: unknown;
  schemaVersion?: number;
}
