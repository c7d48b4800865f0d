/**
 * The host's half of the out-of-process orchestration protocol. The orchestrator itself always runs in
 * the durable-functions SDK's own replay; what the SDK hands back is the list of actions it yielded.
 * Turning that list into scheduled work is the Durable extension's job (its OutOfProcOrchestrationShim
 * awaits the actions one after another through the Durable Task Framework): this module does the same,
 * and above all hands out task ids exactly as the SDK counts them, so that the completions sent back
 * (TaskCompleted, TimerFired, ...) reach the right tasks on the next replay.
 *
 * Ids are numbered 0, 1, 2 ... in the order tasks are awaited; a retry adds a timer and a new attempt,
 * and a long timer adds one timer per interval, at the point of the history where the previous step
 * ended. So the history is walked in order, as the SDK walks it.
 */
import { ActionType, EventType, type HistoryEvent, type SdkAction, type SdkRetryOptions } from './types';

export type Command =
  | { kind: 'activity'; id: number; name: string; input: string | undefined }
  | { kind: 'timer'; id: number; fireAt: string }
  | { kind: 'subOrchestration'; id: number; name: string; instanceId: string; input: string | undefined };

export interface Decision {
  /** Work to schedule now: tasks that have an id but no scheduling event in the history yet. */
  commands: Command[];
  continueAsNew?: { input: string | undefined; carryOver: HistoryEvent[] };
  /** Set when the orchestration cannot go on (unsupported action, non-deterministic replay). */
  error?: string;
}

export interface DecideInput {
  instanceId: string;
  /** The current execution's history, including the events of the episode being decided. */
  history: readonly HistoryEvent[];
  /** The top-level actions in the order they were yielded. */
  actions: readonly SdkAction[];
  maximumShortTimerMs: number;
  longTimerIntervalMs: number;
}

type Done = (succeeded: boolean) => void;

const SCHEDULING: ReadonlySet<number> = new Set([
  EventType.TaskScheduled,
  EventType.TimerCreated,
  EventType.SubOrchestrationInstanceCreated,
]);

/** The SDK sends activity and continueAsNew inputs that are strings already serialized (processInput). */
function preSerialized(input: unknown): string | undefined {
  if (input === undefined) return undefined;
  return typeof input === 'string' ? input : JSON.stringify(input);
}

function serialized(input: unknown): string | undefined {
  return input === undefined ? undefined : JSON.stringify(input);
}

export function retryDelayMs(options: SdkRetryOptions, failures: number): number {
  const coefficient =
    options.backoffCoefficient && options.backoffCoefficient > 0 ? options.backoffCoefficient : 1;
  const delay = options.firstRetryIntervalInMilliseconds * Math.pow(coefficient, Math.max(0, failures - 1));
  const cap =
    options.maxRetryIntervalInMilliseconds && options.maxRetryIntervalInMilliseconds > 0
      ? options.maxRetryIntervalInMilliseconds
      : Number.POSITIVE_INFINITY;
  const bounded = Math.min(delay, cap);
  return Number.isFinite(bounded) && bounded > 0 ? bounded : 0;
}

class Decider {
  private seq = 0;
  private time = 0;
  private next = 0;
  private current: { done: boolean } | undefined;
  private advancing = false;
  private readonly open = new Map<number, Done>();
  private readonly waiters = new Map<string, Done[]>();
  private readonly buffered: { event: HistoryEvent; consumed: boolean }[] = [];
  private readonly scheduled = new Map<number, HistoryEvent>();
  private readonly decision: Decision = { commands: [] };

  constructor(private readonly input: DecideInput) {}

  run(): Decision {
    for (const event of this.input.history) {
      if (SCHEDULING.has(event.EventType)) this.scheduled.set(event.EventId, event);
    }
    for (const event of this.input.history) {
      if (this.decision.error) break;
      this.process(event);
    }
    if (this.decision.continueAsNew) {
      this.decision.continueAsNew.carryOver = this.buffered
        .filter((item) => !item.consumed)
        .map((item) => item.event);
    }
    return this.decision;
  }

  private process(event: HistoryEvent): void {
    switch (event.EventType) {
      case EventType.OrchestratorStarted: {
        const at = Date.parse(event.Timestamp);
        if (at > this.time) this.time = at;
        break;
      }
      case EventType.ExecutionStarted:
        this.advance();
        break;
      case EventType.TaskCompleted:
      case EventType.SubOrchestrationInstanceCompleted:
        this.resolve(event.TaskScheduledId, true);
        break;
      case EventType.TaskFailed:
      case EventType.SubOrchestrationInstanceFailed:
        this.resolve(event.TaskScheduledId, false);
        break;
      case EventType.TimerFired:
        this.resolve(event.TimerId, true);
        break;
      case EventType.EventRaised: {
        const name = event.Name ?? '';
        const waiting = this.waiters.get(name);
        const waiter = waiting?.pop();
        if (waiting && waiting.length === 0) this.waiters.delete(name);
        if (waiter) waiter(true);
        else this.buffered.push({ event, consumed: false });
        break;
      }
      default:
        break;
    }
  }

  private resolve(id: number | undefined, succeeded: boolean): void {
    if (id === undefined) return;
    const done = this.open.get(id);
    if (!done) return;
    this.open.delete(id);
    done(succeeded);
  }

  /** Starts top-level actions one after another, as long as each one is complete at once. */
  private advance(): void {
    if (this.advancing) return;
    this.advancing = true;
    try {
      while (!this.decision.error && this.next < this.input.actions.length && (this.current?.done ?? true)) {
        const state = { done: false };
        this.current = state;
        const action = this.input.actions[this.next++] as SdkAction;
        this.start(action, () => {
          state.done = true;
          this.advance();
        });
      }
    } finally {
      this.advancing = false;
    }
  }

  private start(action: SdkAction, done: Done): void {
    switch (action.actionType) {
      case ActionType.CallActivity:
        this.activity(action, done);
        break;
      case ActionType.CallSubOrchestrator:
        this.subOrchestration(action, undefined, done);
        break;
      case ActionType.CallActivityWithRetry:
      case ActionType.CallSubOrchestratorWithRetry:
        this.retry(action, done);
        break;
      case ActionType.CreateTimer:
        this.timer(action, done);
        break;
      case ActionType.WaitForExternalEvent:
        this.waitForEvent(action.externalEventName ?? '', done);
        break;
      case ActionType.WhenAll:
        this.whenAll(action.compoundActions ?? [], done);
        break;
      case ActionType.WhenAny:
        this.whenAny(action.compoundActions ?? [], done);
        break;
      case ActionType.ContinueAsNew:
        this.decision.continueAsNew = { input: preSerialized(action.input), carryOver: [] };
        done(true);
        break;
      default:
        this.decision.error =
          `The local host does not support action type ${action.actionType} ` +
          '(durable entities and durable HTTP calls need the Azure Functions host).';
    }
  }

  /** Gives the next id to a task and checks it against the history, as the Durable Task Framework does. */
  private claim(type: number, name: string | undefined, done: Done): { id: number; isNew: boolean } {
    const id = this.seq++;
    const existing = this.scheduled.get(id);
    if (
      existing &&
      (existing.EventType !== type ||
        (name !== undefined && existing.Name?.toLowerCase() !== name.toLowerCase()))
    ) {
      this.decision.error =
        `Non-deterministic orchestration: task ${id} is "${existing.Name ?? 'timer'}" in the history, ` +
        `but the orchestrator now asks for "${name ?? 'timer'}".`;
    }
    this.open.set(id, done);
    return { id, isNew: existing === undefined };
  }

  private activity(action: SdkAction, done: Done): void {
    const name = action.functionName ?? '';
    const { id, isNew } = this.claim(EventType.TaskScheduled, name, done);
    if (isNew)
      this.decision.commands.push({ kind: 'activity', id, name, input: preSerialized(action.input) });
  }

  private subOrchestration(action: SdkAction, fixedInstanceId: string | undefined, done: Done): void {
    const name = action.functionName ?? '';
    const { id, isNew } = this.claim(EventType.SubOrchestrationInstanceCreated, name, done);
    if (!isNew) return;
    const instanceId = fixedInstanceId ?? action.instanceId ?? `${this.input.instanceId}:${id}`;
    this.decision.commands.push({
      kind: 'subOrchestration',
      id,
      name,
      instanceId,
      input: serialized(action.input),
    });
  }

  private atomicTimer(fireAtMs: number, canceled: boolean, fired: () => void): void {
    const { id, isNew } = this.claim(EventType.TimerCreated, undefined, () => fired());
    if (isNew && !canceled)
      this.decision.commands.push({ kind: 'timer', id, fireAt: new Date(fireAtMs).toISOString() });
  }

  /** Timers longer than the maximum are chained, one interval at a time (the SDK's LongTimerTask). */
  private timer(action: SdkAction, done: Done): void {
    const fireAt = Date.parse(action.fireAt ?? '');
    const canceled = action.isCanceled === true;
    const { maximumShortTimerMs: max, longTimerIntervalMs: interval } = this.input;
    if (Number.isNaN(fireAt)) {
      this.decision.error = `A timer has no valid fire time ("${action.fireAt ?? ''}").`;
      return;
    }
    if (!(fireAt - this.time > max)) {
      this.atomicTimer(fireAt, canceled, () => done(true));
      return;
    }
    const step = (): void => {
      const next = fireAt - this.time > max ? this.time + interval : fireAt;
      this.atomicTimer(next, canceled, () => {
        if (fireAt > this.time) step();
        else done(true);
      });
    };
    step();
  }

  /** After each failed attempt: a retry timer, then (if attempts remain) a new attempt (RetryableTask). */
  private retry(action: SdkAction, done: Done): void {
    const options = action.retryOptions ?? { firstRetryIntervalInMilliseconds: 1000, maxNumberOfAttempts: 1 };
    let attempt = 1;
    const tryOnce = (): void => {
      const settle: Done = (succeeded) => {
        if (succeeded) {
          done(true);
          return;
        }
        attempt++;
        this.atomicTimer(this.time + retryDelayMs(options, attempt - 1), false, () => {
          if (attempt > options.maxNumberOfAttempts) done(false);
          else tryOnce();
        });
      };
      if (action.actionType === ActionType.CallActivityWithRetry) this.activity(action, settle);
      else this.subOrchestration(action, action.instanceId, settle);
    };
    tryOnce();
  }

  private waitForEvent(name: string, done: Done): void {
    const buffered = this.buffered.find((item) => !item.consumed && item.event.Name === name);
    if (buffered) {
      buffered.consumed = true;
      done(true);
      return;
    }
    const list = this.waiters.get(name) ?? [];
    list.push(done);
    this.waiters.set(name, list);
  }

  private whenAll(children: readonly SdkAction[], done: Done): void {
    let remaining = children.length;
    let finished = false;
    for (const child of children) {
      this.start(child, (succeeded) => {
        if (finished) return;
        if (!succeeded) {
          finished = true;
          done(false);
        } else if (--remaining === 0) {
          finished = true;
          done(true);
        }
      });
    }
    if (children.length === 0) done(true);
  }

  private whenAny(children: readonly SdkAction[], done: Done): void {
    let finished = false;
    for (const child of children) {
      this.start(child, () => {
        if (finished) return;
        finished = true;
        done(true);
      });
    }
  }
}

export function decide(input: DecideInput): Decision {
  return new Decider(input).run();
}
