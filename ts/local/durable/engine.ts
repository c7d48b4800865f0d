/**
 * The local Durable Task engine: hosts the app's orchestrations and activities without the Functions
 * host. Orchestrators run in the durable-functions SDK's own replay (invoked through the host's runner);
 * state lives in Azurite (see store.ts), so a restart resumes where the last process stopped. Durable
 * timers follow the given clock: they are polled against clock.now(), so a moved clock moves them too.
 */
import { EventEmitter } from 'node:events';
import type { Clock } from '../../functions/core/clock';
import type { StorageClients } from '../../functions/core/storage';
import type { CapturedApp, RegisteredFunction } from '../functionsCore';
import type { InvocationRequest, InvocationResult } from '../invoke';
import { ActivityWorker } from './activities';
import { durableClientData, type DurableClientData } from './clientData';
import { historyEvent } from './history';
import { DurableHttpApi, type DurableHttpRequest, type DurableHttpResponse } from './httpApi';
import { InstanceService } from './instances';
import { OrchestrationWorker } from './orchestrations';
import type { InstanceStatus } from './status';
import { DurableStore } from './store';
import { EventType, isTerminal } from './types';

export type FunctionRunner = (
  fn: RegisteredFunction,
  request: InvocationRequest,
) => Promise<InvocationResult>;

export interface DurableEngineOptions {
  app: CapturedApp;
  storage: StorageClients;
  taskHub: string;
  clock: Clock;
  /** Public base for webhook and status URLs, e.g. http://127.0.0.1:7071. */
  baseUrl: string;
  /** The host's runner: every orchestrator episode and activity goes through it. */
  run: FunctionRunner;
  pollIntervalMs?: number;
  /** Where the engine reports its own problems; console.warn by default. */
  log?: (message: string) => void;
}

function functionsWithTrigger(app: CapturedApp, type: string): Map<string, RegisteredFunction> {
  const found = new Map<string, RegisteredFunction>();
  for (const fn of app.functions.values()) {
    const isType = Object.values(fn.metadata.bindings).some(
      (binding) => binding.direction === 'in' && binding.type === type,
    );
    if (isType) found.set(fn.name.toLowerCase(), fn);
  }
  return found;
}

export class DurableEngine {
  private readonly store: DurableStore;
  private readonly instances: InstanceService;
  private readonly api: DurableHttpApi;
  private readonly orchestrations: OrchestrationWorker;
  private readonly activities: ActivityWorker;
  private readonly changes = new EventEmitter();
  private readonly pollIntervalMs: number;
  private readonly log: (message: string) => void;
  private state: 'new' | 'running' | 'stopped' = 'new';
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private tickAgain = false;
  private stopping: Promise<void> | undefined;

  constructor(private readonly options: DurableEngineOptions) {
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    this.log = options.log ?? ((message) => console.warn(`[durable] ${message}`));
    this.changes.setMaxListeners(0);
    const orchestrators = functionsWithTrigger(options.app, 'orchestrationTrigger');
    const activities = functionsWithTrigger(options.app, 'activityTrigger');
    this.store = new DurableStore(options.storage, options.taskHub);
    const schedule = (instanceId: string): void => {
      if (this.state !== 'stopped') this.orchestrations.schedule(instanceId);
    };
    const changed = (instanceId: string): void => {
      this.changes.emit('changed', instanceId);
    };
    this.orchestrations = new OrchestrationWorker({
      store: this.store,
      clock: options.clock,
      run: options.run,
      orchestrator: (name) => orchestrators.get(name.toLowerCase()),
      changed,
      activitiesQueued: () => this.kick(),
      log: this.log,
    });
    this.activities = new ActivityWorker({
      store: this.store,
      clock: options.clock,
      run: options.run,
      activity: (name) => activities.get(name.toLowerCase()),
      delivered: schedule,
      log: this.log,
    });
    this.instances = new InstanceService({
      store: this.store,
      clock: options.clock,
      orchestrator: (name) => orchestrators.get(name.toLowerCase()),
      schedule,
      changed,
    });
    this.api = new DurableHttpApi(this.instances, options.taskHub, options.clock);
  }

  /** Creates the task hub's storage if missing, resumes unfinished work, then starts polling. */
  async start(): Promise<void> {
    if (this.state !== 'new')
      throw new Error('A durable engine starts once; create a new one to start again');
    await this.store.init();
    const pending: string[] = [];
    for await (const record of this.store.allRecords()) {
      // The index is derived from the records: rebuild it in case the last process stopped between the two.
      await this.store.writeIndex(record);
      if (record.inbox.length > 0 || record.outbox.length > 0) pending.push(record.instanceId);
    }
    this.state = 'running';
    for (const instanceId of pending) this.orchestrations.schedule(instanceId);
    this.kick();
  }

  /** Stops polling and waits for the work in progress. Messages not yet handled stay for the next start. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.state = 'stopped';
      if (this.timer) clearTimeout(this.timer);
      await this.ticking;
      while (this.activities.busy || this.orchestrations.busy) {
        await this.activities.drain();
        await this.orchestrations.drain();
      }
    })();
    return this.stopping;
  }

  handles(pathname: string): boolean {
    return this.api.handles(pathname);
  }

  handleHttp(request: DurableHttpRequest): Promise<DurableHttpResponse> {
    return this.api.handle(request);
  }

  clientBindingData(): DurableClientData {
    return durableClientData(this.options.baseUrl, this.options.taskHub);
  }

  /** Resolves with the status once the instance has finished; rejects after `timeoutMs`. */
  async waitForCompletion(instanceId: string, timeoutMs = 30_000): Promise<InstanceStatus> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const status = await this.instances.status(instanceId, { showHistory: true, showHistoryOutput: true });
      if (status && isTerminal(status.runtimeStatus)) return status;
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        throw new Error(
          `Instance ${instanceId} did not finish within ${timeoutMs} ms (${status?.runtimeStatus ?? 'not found'})`,
        );
      }
      await this.nextChange(instanceId, Math.min(remaining, 250));
    }
  }

  /**
   * Resolves once nothing is left to do now: no episode or activity running or queued and no timer due
   * at the clock's current time. Tests use it before they look at a waiting orchestration or move the clock.
   */
  async waitForIdle(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let quietRounds = 0;
    while (quietRounds < 2) {
      if (Date.now() > deadline) throw new Error(`The durable engine was still busy after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, Math.min(50, this.pollIntervalMs)));
      quietRounds = (await this.isIdle()) ? quietRounds + 1 : 0;
    }
  }

  private async isIdle(): Promise<boolean> {
    if (this.ticking || this.activities.busy || this.orchestrations.busy) return false;
    const queued = await this.store.workItems.peekMessages({ numberOfMessages: 1 });
    if (queued.peekedMessageItems.length > 0) return false;
    return (await this.store.dueTimers(this.options.clock.now())).length === 0;
  }

  private nextChange(instanceId: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const listener = (changed: string): void => {
        if (changed !== instanceId) return;
        done();
      };
      const timer = setTimeout(() => done(), ms);
      const done = (): void => {
        clearTimeout(timer);
        this.changes.off('changed', listener);
        resolve();
      };
      this.changes.on('changed', listener);
    });
  }

  /** Runs a poll now (or right after the one in progress). */
  private kick(): void {
    if (this.state !== 'running') return;
    if (this.ticking) {
      this.tickAgain = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.ticking = this.tick().finally(() => {
      this.ticking = undefined;
      if (this.state !== 'running') return;
      if (this.tickAgain) {
        this.tickAgain = false;
        this.kick();
      } else {
        this.timer = setTimeout(() => this.kick(), this.pollIntervalMs);
      }
    });
  }

  private async tick(): Promise<void> {
    try {
      await this.fireDueTimers();
      // Keep receiving while work items come in and slots are free.
      while (this.state === 'running' && (await this.activities.poll()) > 0);
    } catch (error) {
      this.log(`Polling failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async fireDueTimers(): Promise<void> {
    for (const timer of await this.store.dueTimers(this.options.clock.now())) {
      if (this.state !== 'running') return;
      const event = historyEvent(EventType.TimerFired, this.options.clock.now(), {
        TimerId: timer.timerId,
        FireAt: timer.fireAt,
      });
      const message = {
        id: `${timer.executionId}:timer:${timer.timerId}`,
        executionId: timer.executionId,
        event,
      };
      if (await this.store.deliver(timer.instanceId, message)) this.orchestrations.schedule(timer.instanceId);
      await this.store.deleteTimer(timer);
    }
  }
}
