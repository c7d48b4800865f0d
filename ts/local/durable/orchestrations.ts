/**
 * Processes orchestration instances: applies the messages waiting in an instance's inbox, runs an
 * episode when there is something new, saves the result, then hands out the work the episode decided
 * (activities, timers, sub-orchestrations, the parent's notification). One instance is processed by one
 * episode at a time; messages are applied in the order they arrived, and a message applied twice (after
 * a redelivery) changes nothing.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../functions/core/clock';
import type { RegisteredFunction } from '../functionsCore';
import { runEpisode, type EpisodeOutcome } from './episode';
import type { FunctionRunner } from './engine';
import { historyEvent, isTaskFinished, scheduledEvent } from './history';
import type { DurableStore } from './store';
import {
  EventType,
  isTerminal,
  type HistoryEvent,
  type InboxMessage,
  type InstanceRecord,
  type OutboxItem,
  type ParentRef,
} from './types';

export interface OrchestrationWorkerOptions {
  store: DurableStore;
  clock: Clock;
  run: FunctionRunner;
  orchestrator(name: string): RegisteredFunction | undefined;
  /** Called after an instance's record changed (for waiters). */
  changed(instanceId: string): void;
  /** Called after activity work items were queued. */
  activitiesQueued(): void;
  log(message: string): void;
  maxConcurrent?: number;
}

export function newExecutionId(): string {
  return randomUUID().replace(/-/g, '');
}

/** A fresh record whose inbox holds its ExecutionStarted; the first episode starts it. */
export function newInstance(
  instanceId: string,
  name: string,
  input: string | undefined,
  now: Date,
  parent?: ParentRef,
): InstanceRecord {
  const executionId = newExecutionId();
  const started = historyEvent(EventType.ExecutionStarted, now, { Name: name, Input: input });
  return {
    instanceId,
    name,
    executionId,
    status: 'Pending',
    input,
    output: undefined,
    customStatus: undefined,
    createdTime: now.toISOString(),
    lastUpdatedTime: now.toISOString(),
    ...(parent ? { parent } : {}),
    history: [],
    inbox: [{ id: `${executionId}:start`, executionId, event: started }],
    outbox: [],
  };
}

const COMPLETIONS: ReadonlySet<number> = new Set([
  EventType.TaskCompleted,
  EventType.TaskFailed,
  EventType.SubOrchestrationInstanceCompleted,
  EventType.SubOrchestrationInstanceFailed,
  EventType.TimerFired,
]);

function completedTaskId(event: HistoryEvent): number | undefined {
  return event.EventType === EventType.TimerFired ? event.TimerId : event.TaskScheduledId;
}

interface Step {
  record: InstanceRecord;
  changed: boolean;
}

export class OrchestrationWorker {
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private readonly waiting: string[] = [];
  private active = 0;

  constructor(private readonly options: OrchestrationWorkerOptions) {}

  /** Asks for an instance to be processed; calls for an instance already in progress run once more after it. */
  schedule(instanceId: string): void {
    if (this.running.has(instanceId) || this.waiting.includes(instanceId)) {
      if (this.running.has(instanceId)) this.again.add(instanceId);
      return;
    }
    this.waiting.push(instanceId);
    this.pump();
  }

  get busy(): boolean {
    return this.running.size > 0 || this.waiting.length > 0;
  }

  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
  }

  private pump(): void {
    const limit = this.options.maxConcurrent ?? 8;
    while (this.active < limit && this.waiting.length > 0) {
      const instanceId = this.waiting.shift() as string;
      this.active++;
      const work = this.process(instanceId)
        .catch((error: unknown) => {
          this.options.log(
            `Instance ${instanceId}: ${error instanceof Error ? error.message : String(error)}`,
          );
        })
        .finally(() => {
          this.active--;
          this.running.delete(instanceId);
          if (this.again.delete(instanceId)) this.schedule(instanceId);
          this.pump();
        });
      this.running.set(instanceId, work);
    }
  }

  private async process(instanceId: string): Promise<void> {
    const { store } = this.options;
    for (let round = 0; ; round++) {
      if (round === 100) {
        // An instance that keeps itself busy (continueAsNew in a loop) gives the others a turn.
        this.again.add(instanceId);
        return;
      }
      const stored = await store.read(instanceId);
      if (!stored) return;
      let { record, etag } = stored;
      if (record.outbox.length === 0) {
        if (record.inbox.length === 0) return;
        const step = await this.step(record);
        if (!step.changed) return;
        const saved = await store.commit(step.record, etag, record.executionId, record.inbox);
        if (!saved) return;
        ({ record, etag } = saved);
        this.options.changed(instanceId);
        if (record.outbox.length === 0) continue;
      }
      await this.dispatch(record);
      const cleared = await store.commit({ ...record, outbox: [] }, etag, record.executionId, record.inbox);
      if (!cleared) return;
    }
  }

  /** Applies the inbox to a record: control messages, then one episode for the new events. */
  private async step(original: InstanceRecord): Promise<Step> {
    const now = this.options.clock.now();
    let record: InstanceRecord = { ...original, history: [...original.history], inbox: [], outbox: [] };
    const deferred: InboxMessage[] = [];
    const applied: HistoryEvent[] = [];
    let terminate: HistoryEvent | undefined;
    const started = (): boolean =>
      record.history.some((e) => e.EventType === EventType.ExecutionStarted) ||
      applied.some((e) => e.EventType === EventType.ExecutionStarted);

    for (const message of original.inbox) {
      const event = message.event;
      if (isTerminal(record.status) || terminate) continue;
      switch (event.EventType) {
        case EventType.ExecutionTerminated:
          terminate = event;
          continue;
        case EventType.ExecutionSuspended:
          if (record.status !== 'Suspended') {
            record.history.push(event);
            record = { ...record, status: 'Suspended' };
          }
          continue;
        case EventType.ExecutionResumed:
          if (record.status === 'Suspended') {
            record.history.push(event);
            record = { ...record, status: started() ? 'Running' : 'Pending' };
          }
          continue;
        default:
          break;
      }
      if (record.status === 'Suspended' || (!started() && event.EventType !== EventType.ExecutionStarted)) {
        deferred.push(message);
      } else if (event.EventType === EventType.ExecutionStarted) {
        if (message.executionId === record.executionId && !started()) applied.push(event);
      } else if (COMPLETIONS.has(event.EventType)) {
        const id = completedTaskId(event);
        const known = [...record.history, ...applied];
        if (
          message.executionId === record.executionId &&
          id !== undefined &&
          scheduledEvent(known, id) &&
          !isTaskFinished(known, id)
        ) {
          applied.push(event);
        }
      } else if (event.EventType === EventType.EventRaised) {
        applied.push(event);
      }
    }

    const changedControl = deferred.length !== original.inbox.length;
    record = { ...record, inbox: deferred };
    if (terminate) return { record: this.terminated(record, terminate, now), changed: true };
    if (applied.length === 0)
      return { record: { ...record, lastUpdatedTime: now.toISOString() }, changed: changedControl };
    if (record.status === 'Pending' || record.status === 'ContinuedAsNew')
      record = { ...record, status: 'Running' };
    const outcome = await runEpisode(record, applied, {
      orchestrator: this.options.orchestrator(record.name),
      run: this.options.run,
      now,
    });
    return { record: this.afterEpisode(record, outcome, now), changed: true };
  }

  private terminated(record: InstanceRecord, event: HistoryEvent, now: Date): InstanceRecord {
    const reason = event.Input ?? 'null';
    const outbox: OutboxItem[] = [{ kind: 'clearTimers' }];
    if (record.parent) {
      outbox.push(
        this.parentMessage(record, false, `Orchestration '${record.name}' was terminated: ${reason}`, ''),
      );
    }
    return {
      ...record,
      status: 'Terminated',
      output: reason,
      inbox: [],
      history: [...record.history, historyEvent(EventType.ExecutionTerminated, now, { Input: reason })],
      lastUpdatedTime: now.toISOString(),
      outbox,
    };
  }

  private parentMessage(
    record: InstanceRecord,
    succeeded: boolean,
    text: string,
    details: string,
  ): OutboxItem {
    const parent = record.parent as ParentRef;
    const timestamp = new Date(record.lastUpdatedTime);
    const event = succeeded
      ? historyEvent(EventType.SubOrchestrationInstanceCompleted, timestamp, {
          TaskScheduledId: parent.taskId,
          Result: text,
        })
      : historyEvent(EventType.SubOrchestrationInstanceFailed, timestamp, {
          TaskScheduledId: parent.taskId,
          Reason: text,
          Details: details,
        });
    return {
      kind: 'notifyParent',
      parent,
      message: { id: `${parent.executionId}:sub:${parent.taskId}`, executionId: parent.executionId, event },
    };
  }

  private afterEpisode(record: InstanceRecord, outcome: EpisodeOutcome, now: Date): InstanceRecord {
    const updated: InstanceRecord = {
      ...record,
      history: [...record.history, ...outcome.events],
      customStatus: outcome.customStatus,
      lastUpdatedTime: now.toISOString(),
    };
    switch (outcome.kind) {
      case 'running':
        return {
          ...updated,
          outbox: outcome.commands.map((command): OutboxItem => {
            switch (command.kind) {
              case 'activity':
                return { kind: 'activity', executionId: record.executionId, taskId: command.id };
              case 'timer':
                return {
                  kind: 'timer',
                  executionId: record.executionId,
                  timerId: command.id,
                  fireAt: command.fireAt,
                };
              case 'subOrchestration':
                return {
                  kind: 'subOrchestration',
                  executionId: record.executionId,
                  taskId: command.id,
                  name: command.name,
                  instanceId: command.instanceId,
                  input: command.input,
                };
            }
          }),
        };
      case 'completed': {
        const done = { ...updated, status: 'Completed' as const, output: outcome.output };
        done.history.push(
          historyEvent(EventType.ExecutionCompleted, now, {
            OrchestrationStatus: 'Completed',
            Result: outcome.output,
          }),
        );
        const outbox: OutboxItem[] = [{ kind: 'clearTimers' }];
        if (record.parent) outbox.push(this.parentMessage(done, true, outcome.output, ''));
        return { ...done, outbox };
      }
      case 'failed': {
        const message = `Orchestrator function '${record.name}' failed: ${outcome.message}`;
        this.options.log(`Instance ${record.instanceId}: ${message.split('\n')[0] ?? ''}`);
        const output = JSON.stringify(message);
        const failed = { ...updated, status: 'Failed' as const, output };
        failed.history.push(
          historyEvent(EventType.ExecutionCompleted, now, {
            OrchestrationStatus: 'Failed',
            Result: output,
            Reason: message,
            Details: outcome.details,
          }),
        );
        const outbox: OutboxItem[] = [{ kind: 'clearTimers' }];
        if (record.parent) outbox.push(this.parentMessage(failed, false, message, outcome.details));
        return { ...failed, outbox };
      }
      case 'continuedAsNew': {
        const executionId = newExecutionId();
        const start = historyEvent(EventType.ExecutionStarted, now, {
          Name: record.name,
          Input: outcome.input,
        });
        // Events raised but not yet awaited go on to the new execution, as the Durable Task Framework does.
        const carried = outcome.carryOver.map((event, index): InboxMessage => ({
          id: `${executionId}:carry:${index}`,
          event: { ...event, IsPlayed: false },
        }));
        return {
          ...updated,
          status: 'ContinuedAsNew',
          executionId,
          input: outcome.input,
          history: [],
          inbox: [{ id: `${executionId}:start`, executionId, event: start }, ...carried, ...record.inbox],
          outbox: [{ kind: 'clearTimers' }],
        };
      }
    }
  }

  /** Hands out an instance's outbox. Each item may be handed out again after a crash, so each is idempotent. */
  private async dispatch(record: InstanceRecord): Promise<void> {
    const { store } = this.options;
    let queued = false;
    for (const item of record.outbox) {
      switch (item.kind) {
        case 'activity':
          await store.enqueueWorkItem({
            instanceId: record.instanceId,
            executionId: item.executionId,
            taskId: item.taskId,
          });
          queued = true;
          break;
        case 'timer':
          await store.putTimer({
            instanceId: record.instanceId,
            executionId: item.executionId,
            timerId: item.timerId,
            fireAt: item.fireAt,
          });
          break;
        case 'subOrchestration':
          await this.startSubOrchestration(record, item);
          break;
        case 'notifyParent':
          if (await store.deliver(item.parent.instanceId, item.message))
            this.schedule(item.parent.instanceId);
          break;
        case 'clearTimers':
          // A new execution keeps its own timers; a finished instance needs none.
          await store.deleteTimers(
            record.instanceId,
            isTerminal(record.status) ? undefined : record.executionId,
          );
          break;
      }
    }
    if (queued) this.options.activitiesQueued();
  }

  private async startSubOrchestration(
    record: InstanceRecord,
    item: Extract<OutboxItem, { kind: 'subOrchestration' }>,
  ): Promise<void> {
    const parent: ParentRef = {
      instanceId: record.instanceId,
      executionId: item.executionId,
      taskId: item.taskId,
    };
    const sameParent = (other: InstanceRecord): boolean =>
      other.parent?.instanceId === parent.instanceId &&
      other.parent.executionId === parent.executionId &&
      other.parent.taskId === parent.taskId;
    const fail = async (reason: string): Promise<void> => {
      const event = historyEvent(EventType.SubOrchestrationInstanceFailed, this.options.clock.now(), {
        TaskScheduledId: item.taskId,
        Reason: reason,
        Details: '',
      });
      const message = { id: `${item.executionId}:sub:${item.taskId}`, executionId: item.executionId, event };
      if (await this.options.store.deliver(record.instanceId, message)) this.schedule(record.instanceId);
    };
    const orchestrator = this.options.orchestrator(item.name);
    if (!orchestrator) {
      await fail(
        `The function '${item.name}' doesn't exist, is disabled, or is not an orchestrator function.`,
      );
      return;
    }
    const child = newInstance(
      item.instanceId,
      orchestrator.name,
      item.input,
      this.options.clock.now(),
      parent,
    );
    const result = await this.options.store.create(
      child,
      (existing) => isTerminal(existing.status) && !sameParent(existing),
    );
    if (result.created) {
      this.options.changed(child.instanceId);
      this.schedule(child.instanceId);
    } else if (!sameParent(result.existing)) {
      await fail(
        `An orchestration with instance ID '${item.instanceId}' already exists and has not finished.`,
      );
    }
  }
}
