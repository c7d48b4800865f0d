/**
 * Timer triggers by their NCRONTAB schedules (six fields, seconds first, UTC), read against the app
 * clock so that moving the local clock runs what falls due. The last run of each timer is kept in a
 * table, so a restart runs a missed occurrence once, flagged past due, as the host does.
 */
import type { TableClient } from '@azure/data-tables';
import { Cron } from 'croner';
import type { Clock } from '../../functions/core/clock';
import type { CapturedApp, RegisteredFunction } from '../functionsCore';
import { triggerBinding } from '../invoke';
import type { FunctionRunner, LineLogger } from '../runner';

interface ScheduledTimer {
  fn: RegisteredFunction;
  triggerName: string;
  cron: Cron;
  last?: Date;
  next: Date | undefined;
  running: boolean;
}

/** Resolves `%SETTING%` references as the host does in binding expressions. */
export function resolveSettingReferences(value: string): string {
  return value.replace(/%([^%]+)%/g, (_whole, name: string) => {
    const setting = process.env[name];
    if (setting === undefined) throw new Error(`Binding expression refers to missing app setting ${name}`);
    return setting;
  });
}

export function parseSchedule(schedule: string): Cron {
  const resolved = resolveSettingReferences(schedule).trim();
  if (resolved.split(/\s+/).length !== 6) {
    throw new Error(
      `Timer schedule "${resolved}" must have six NCRONTAB fields (second minute hour day month weekday)`,
    );
  }
  return new Cron(resolved, { paused: true, timezone: 'UTC', mode: '6-part' });
}

export class TimerTrigger {
  private readonly timers = new Map<string, ScheduledTimer>();
  private interval: NodeJS.Timeout | undefined;

  constructor(
    app: CapturedApp,
    private readonly runner: FunctionRunner,
    private readonly clock: Clock,
    private readonly state: TableClient,
    private readonly log: LineLogger,
    private readonly tickMs = 250,
  ) {
    for (const fn of app.functions.values()) {
      const [triggerName, binding] = triggerBinding(fn);
      if (binding.type !== 'timerTrigger') continue;
      const cron = parseSchedule(String(binding.schedule));
      this.timers.set(fn.name, { fn, triggerName, cron, next: undefined, running: false });
    }
  }

  describe(): string[] {
    return [...this.timers.values()].map(
      (t) => `${t.fn.name}: timer ${String(triggerBinding(t.fn)[1].schedule)} (UTC)`,
    );
  }

  has(name: string): boolean {
    return this.timers.has(name);
  }

  async start(): Promise<void> {
    if (this.timers.size === 0) return;
    await this.state.createTable();
    const now = this.clock.now();
    for (const timer of this.timers.values()) {
      const saved = await this.state
        .getEntity<{ last: string }>('timers', timer.fn.name)
        .catch(() => undefined);
      timer.last = saved ? new Date(saved.last) : undefined;
      // A run missed while the host was down is due at once; otherwise wait for the next occurrence.
      const missed = timer.last ? timer.cron.nextRun(timer.last) : null;
      timer.next = missed && missed <= now ? missed : (timer.cron.nextRun(now) ?? undefined);
      if (triggerBinding(timer.fn)[1].runOnStartup === true) timer.next = now;
    }
    this.interval = setInterval(() => this.tick(), this.tickMs);
  }

  async stop(): Promise<void> {
    if (this.interval) clearInterval(this.interval);
    this.interval = undefined;
    while ([...this.timers.values()].some((t) => t.running)) await new Promise((r) => setTimeout(r, 20));
  }

  /** Runs a timer function now, as `POST /admin/functions/{name}` does on the host. */
  async runNow(name: string): Promise<string> {
    const timer = this.timers.get(name);
    if (!timer) throw new Error(`No timer function named ${name}`);
    return this.fire(timer, false);
  }

  private tick(): void {
    const now = this.clock.now();
    for (const timer of this.timers.values()) {
      if (timer.running || !timer.next || timer.next > now) continue;
      const pastDue = now.getTime() - timer.next.getTime() > 60_000;
      void this.fire(timer, pastDue).catch(() => undefined);
    }
  }

  private async fire(timer: ScheduledTimer, isPastDue: boolean): Promise<string> {
    timer.running = true;
    const firedAt = this.clock.now();
    const next = timer.cron.nextRun(firedAt) ?? undefined;
    const payload = {
      Schedule: { AdjustForDST: false },
      ScheduleStatus: {
        Last: (timer.last ?? firedAt).toISOString(),
        Next: next?.toISOString(),
        LastUpdated: firedAt.toISOString(),
      },
      IsPastDue: isPastDue,
    };
    try {
      const result = await this.runner.run(timer.fn, {
        inputData: [{ name: timer.triggerName, data: { json: JSON.stringify(payload) } }],
      });
      return result.invocationId;
    } finally {
      timer.last = firedAt;
      timer.next = next;
      timer.running = false;
      await this.state
        .upsertEntity(
          { partitionKey: 'timers', rowKey: timer.fn.name, last: firedAt.toISOString() },
          'Replace',
        )
        .catch((error: unknown) =>
          this.log(`Could not record the run of timer ${timer.fn.name}: ${String(error)}`),
        );
    }
  }
}
