/**
 * Runs a poll every `everyMs`, never two at once; `stop()` waits for the pass under way. The pass
 * reads `stopped` to end early between items.
 */
export class PollingLoop {
  private interval: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  stopped = false;

  constructor(
    private readonly pollOnce: () => Promise<void>,
    private readonly everyMs: number,
  ) {}

  start(): void {
    this.interval = setInterval(() => {
      this.running ??= this.pollOnce().finally(() => (this.running = undefined));
    }, this.everyMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.interval) clearInterval(this.interval);
    await this.running;
  }
}
