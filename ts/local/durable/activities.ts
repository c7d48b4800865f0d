/**
 * Runs activity work items from the task hub's work-item queue. A message names the instance, execution
 * and task; the activity's name and input are read from the TaskScheduled event in the instance's
 * history. The message is deleted only after the result is in the instance's inbox, so a crash means the
 * activity runs again (at least once) and the second result is ignored.
 */
import type { Clock } from '../../functions/core/clock';
import type { RegisteredFunction } from '../functionsCore';
import { triggerBinding } from '../invoke';
import type { FunctionRunner } from './engine';
import { historyEvent, isTaskFinished, scheduledEvent, toJsonText } from './history';
import type { DurableStore, WorkItem } from './store';
import { EventType, isTerminal, type HistoryEvent } from './types';

export interface ActivityWorkerOptions {
  store: DurableStore;
  clock: Clock;
  run: FunctionRunner;
  activity(name: string): RegisteredFunction | undefined;
  /** A result was delivered to this instance. */
  delivered(instanceId: string): void;
  log(message: string): void;
  maxConcurrent?: number;
  /** How long a received work item stays invisible to other receivers, in seconds. */
  visibilityTimeoutSeconds?: number;
}

function parseWorkItem(text: string): WorkItem | undefined {
  try {
    const value = JSON.parse(text) as Partial<WorkItem>;
    if (
      typeof value.instanceId === 'string' &&
      typeof value.executionId === 'string' &&
      typeof value.taskId === 'number'
    ) {
      return { instanceId: value.instanceId, executionId: value.executionId, taskId: value.taskId };
    }
  } catch {
    // not ours; dropped below
  }
  return undefined;
}

export class ActivityWorker {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly options: ActivityWorkerOptions) {}

  get busy(): boolean {
    return this.inFlight.size > 0;
  }

  /** Receives as many work items as there are free slots and starts them. Returns how many started. */
  async poll(): Promise<number> {
    const free = (this.options.maxConcurrent ?? 4) - this.inFlight.size;
    if (free <= 0) return 0;
    const response = await this.options.store.workItems.receiveMessages({
      numberOfMessages: Math.min(32, free),
      visibilityTimeout: this.options.visibilityTimeoutSeconds ?? 600,
    });
    for (const message of response.receivedMessageItems) {
      const work = this.execute(message.messageText)
        .then(() => this.options.store.workItems.deleteMessage(message.messageId, message.popReceipt))
        .then(() => undefined)
        .catch((error: unknown) => {
          // Left in the queue: it becomes visible again and is retried.
          this.options.log(
            `Activity work item failed: ${error instanceof Error ? error.message : String(error)}`,
          );
        })
        .finally(() => this.inFlight.delete(work));
      this.inFlight.add(work);
    }
    return response.receivedMessageItems.length;
  }

  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private async execute(text: string): Promise<void> {
    const item = parseWorkItem(text);
    if (!item) return;
    const stored = await this.options.store.read(item.instanceId);
    const record = stored?.record;
    if (!record || record.executionId !== item.executionId || isTerminal(record.status)) return;
    const scheduled = scheduledEvent(record.history, item.taskId);
    if (scheduled?.EventType !== EventType.TaskScheduled || isTaskFinished(record.history, item.taskId))
      return;
    const name = scheduled.Name ?? '';
    const event = await this.invoke(name, scheduled.Input, item.taskId);
    const message = { id: `${item.executionId}:task:${item.taskId}`, executionId: item.executionId, event };
    if (await this.options.store.deliver(item.instanceId, message)) this.options.delivered(item.instanceId);
  }

  private async invoke(name: string, input: string | undefined, taskId: number): Promise<HistoryEvent> {
    const fn = this.options.activity(name);
    if (!fn) {
      return historyEvent(EventType.TaskFailed, this.options.clock.now(), {
        TaskScheduledId: taskId,
        Reason: `The function '${name}' doesn't exist, is disabled, or is not an activity function.`,
        Details: '',
      });
    }
    const [triggerName] = triggerBinding(fn);
    try {
      const result = await this.options.run(fn, {
        inputData: [{ name: triggerName, data: input === undefined ? {} : { json: input } }],
      });
      return historyEvent(EventType.TaskCompleted, this.options.clock.now(), {
        TaskScheduledId: taskId,
        Result: toJsonText(result.returnValue) ?? 'null',
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return historyEvent(EventType.TaskFailed, this.options.clock.now(), {
        TaskScheduledId: taskId,
        Reason: `Activity function '${fn.name}' failed: ${message}`,
        Details: error instanceof Error ? (error.stack ?? '') : '',
      });
    }
  }
}
