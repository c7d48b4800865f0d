import { startAzurite, type RunningAzurite } from '../../local/azurite';
import { LocalHost } from '../../local/host';

export interface TestHost {
  host: LocalHost;
  azurite: RunningAzurite;
  lines: string[];
  stop(): Promise<void>;
}

/**
 * Starts in-memory Azurite on free ports and the local host on a free port, hosting the registrations
 * that `loadApp` imports. The host's log lines are kept for assertions.
 */
export async function startTestHost(
  loadApp: () => Promise<unknown>,
  options: { blobPollMs?: number; blobRetryBaseMs?: number; queuePollMs?: number } = {},
): Promise<TestHost> {
  process.env.DURABLE_TASK_HUB ??= 'testhub';
  const azurite = await startAzurite();
  const lines: string[] = [];
  const host = await LocalHost.start({
    loadApp,
    connectionString: azurite.connectionString,
    port: 0,
    log: (line) => lines.push(line),
    ...options,
  });
  return {
    host,
    azurite,
    lines,
    stop: async () => {
      await host.stop();
      await azurite.stop();
    },
  };
}

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
