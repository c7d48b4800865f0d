/**
 * Instance management as the durable client sees it: start, status, query, raise event, terminate,
 * suspend, resume, restart, purge. The HTTP API maps these to status codes.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../functions/core/clock';
import { ConflictError, NotFoundError, ValidationError } from '../../functions/core/errors';
import type { RegisteredFunction } from '../functionsCore';
import { historyEvent } from './history';
import { newInstance } from './orchestrations';
import { toStatus, type InstanceStatus, type StatusOptions } from './status';
import type { DurableStore, IndexFilter } from './store';
import { EventType, isTerminal, type EventTypeNumber, type RuntimeStatus } from './types';

export interface InstanceServiceOptions {
  store: DurableStore;
  clock: Clock;
  orchestrator(name: string): RegisteredFunction | undefined;
  /** Asks for an instance to be processed (a message is waiting). */
  schedule(instanceId: string): void;
  changed(instanceId: string): void;
}

export type Delivery = 'accepted' | 'notFound' | 'gone';
export type ControlKind = 'terminate' | 'suspend' | 'resume';

const CONTROL_EVENTS: Record<ControlKind, EventTypeNumber> = {
  terminate: EventType.ExecutionTerminated,
  suspend: EventType.ExecutionSuspended,
  resume: EventType.ExecutionResumed,
};

/** Instance ids become blob names and table keys, where these characters are not allowed. */
export function checkInstanceId(instanceId: string): void {
  // eslint-disable-next-line no-control-regex
  const bad = /[/\\#?\u0000-\u001f\u007f-\u009f]/.test(instanceId);
  if (instanceId.length === 0 || instanceId.length > 256 || bad || instanceId.startsWith('@')) {
    const message =
      'An instance ID has 1-256 characters, does not start with "@" and has no /, \\, #, ? or control characters.';
    throw new ValidationError([{ field: 'instanceId', message }], message);
  }
}

export class InstanceService {
  constructor(private readonly options: InstanceServiceOptions) {}

  /**
   * Starts an orchestration. An existing instance is replaced only if it has finished: the extension's
   * default OverridableExistingInstanceStates is NonRunningStates, and a running one is a 409.
   */
  async start(name: string, instanceId: string | undefined, input: string | undefined): Promise<string> {
    const orchestrator = this.options.orchestrator(name);
    if (!orchestrator) {
      const message = `The function '${name}' doesn't exist, is disabled, or is not an orchestrator function.`;
      throw new ValidationError([{ field: 'functionName', message }], message);
    }
    const id = instanceId ?? randomUUID().replace(/-/g, '');
    checkInstanceId(id);
    const record = newInstance(id, orchestrator.name, input, this.options.clock.now());
    const result = await this.options.store.create(record, (existing) => isTerminal(existing.status));
    if (!result.created) {
      throw new ConflictError(
        `An instance with ID '${id}' already exists and is ${result.existing.status}; only finished instances can be replaced.`,
      );
    }
    this.options.changed(id);
    this.options.schedule(id);
    return id;
  }

  async status(instanceId: string, options: StatusOptions = {}): Promise<InstanceStatus | undefined> {
    const stored = await this.options.store.read(instanceId);
    return stored ? toStatus(stored.record, options) : undefined;
  }

  async list(filter: IndexFilter, options: StatusOptions = {}): Promise<InstanceStatus[]> {
    const rows = await this.options.store.query(filter);
    const statuses: InstanceStatus[] = [];
    for (const row of rows) {
      const status = await this.status(row.instanceId, options);
      if (status) statuses.push(status);
    }
    return statuses;
  }

  async raiseEvent(instanceId: string, eventName: string, input: string | undefined): Promise<Delivery> {
    const event = historyEvent(EventType.EventRaised, this.options.clock.now(), {
      Name: eventName,
      Input: input,
    });
    return this.send(instanceId, event);
  }

  async control(instanceId: string, kind: ControlKind, reason: string | undefined): Promise<Delivery> {
    const event = historyEvent(CONTROL_EVENTS[kind], this.options.clock.now(), {
      Input: JSON.stringify(reason ?? null),
    });
    return this.send(instanceId, event);
  }

  private async send(instanceId: string, event: ReturnType<typeof historyEvent>): Promise<Delivery> {
    const status = await this.options.store.deliver(instanceId, { id: randomUUID(), event });
    if (status === undefined) return 'notFound';
    if (isTerminal(status)) return 'gone';
    this.options.schedule(instanceId);
    return 'accepted';
  }

  /** Starts the orchestration again with its original input, under a new id unless told otherwise. */
  async restart(instanceId: string, newInstanceId: boolean): Promise<string> {
    const stored = await this.options.store.read(instanceId);
    if (!stored) throw new NotFoundError(`No instance with ID '${instanceId}' found.`);
    const started = stored.record.history.find((event) => event.EventType === EventType.ExecutionStarted);
    const input = started ? started.Input : stored.record.input;
    return this.start(stored.record.name, newInstanceId ? undefined : instanceId, input);
  }

  async purge(instanceId: string): Promise<'purged' | 'notFound' | 'notTerminal'> {
    const stored = await this.options.store.read(instanceId);
    if (!stored) return 'notFound';
    if (!isTerminal(stored.record.status)) return 'notTerminal';
    await this.options.store.remove(instanceId);
    this.options.changed(instanceId);
    return 'purged';
  }

  /**
   * Purges finished instances created in a time range. Like the Azure Storage provider, only finished
   * instances are purged whatever statuses are asked for; with no statuses, all finished ones are.
   */
  async purgeBy(filter: {
    createdTimeFrom: Date;
    createdTimeTo: Date;
    runtimeStatus?: RuntimeStatus[];
  }): Promise<number> {
    const asked = filter.runtimeStatus && filter.runtimeStatus.length > 0 ? filter.runtimeStatus : undefined;
    const statuses = (asked ?? ['Completed', 'Failed', 'Terminated', 'Canceled']).filter((status) =>
      isTerminal(status),
    );
    if (statuses.length === 0) return 0;
    const rows = await this.options.store.query({ ...filter, runtimeStatus: statuses });
    let purged = 0;
    for (const row of rows) {
      if ((await this.purge(row.instanceId)) === 'purged') purged++;
    }
    return purged;
  }
}
