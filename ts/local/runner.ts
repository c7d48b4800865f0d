/**
 * Runs one invocation of a captured function and logs one line for it (function, id, duration,
 * outcome). Every trigger of the local host and the durable engine go through here, which also adds
 * the `durableClient` input that `df.app.client.*` and `df.input.durableClient()` functions expect.
 */
import { randomUUID } from 'node:crypto';
import type { CapturedApp, RegisteredFunction } from './functionsCore';
import {
  bindingsOfType,
  invoke,
  type InvocationRequest,
  type InvocationResult,
  type LogSink,
} from './invoke';

export type LineLogger = (line: string) => void;

export class FunctionRunner {
  private readonly inFlight = new Set<Promise<unknown>>();
  /** Set by the host once the durable engine exists. */
  durableClientData: (() => unknown) | undefined;

  constructor(
    private readonly app: CapturedApp,
    private readonly logLine: LineLogger,
  ) {}

  readonly run = async (fn: RegisteredFunction, request: InvocationRequest): Promise<InvocationResult> => {
    const inputData = [...request.inputData];
    for (const [name] of bindingsOfType(fn, 'durableClient')) {
      if (!this.durableClientData)
        throw new Error(`Function "${fn.name}" needs a durable client, and no engine runs`);
      inputData.push({ name, data: { string: JSON.stringify(this.durableClientData()) } });
    }
    const invocationId = request.invocationId ?? randomUUID();
    const started = performance.now();
    const pending = invoke(this.app, fn, { ...request, inputData, invocationId }, this.functionLog);
    this.inFlight.add(pending);
    try {
      const result = await pending;
      this.logLine(`${fn.name} ${invocationId} ${Math.round(result.durationMs)} ms Succeeded`);
      return result;
    } catch (error) {
      const message = failureSummary(error);
      this.logLine(
        `${fn.name} ${invocationId} ${Math.round(performance.now() - started)} ms Failed: ${message}`,
      );
      throw error;
    } finally {
      this.inFlight.delete(pending);
    }
  };

  /** Resolves when every invocation under way has ended. */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private readonly functionLog: LogSink = (level, functionName, invocationId, message) => {
    const prefix = level === 'error' || level === 'critical' ? 'ERROR ' : level === 'warning' ? 'WARN ' : '';
    this.logLine(`  ${prefix}[${functionName} ${invocationId.slice(0, 8)}] ${message}`);
  };
}

const OUT_OF_PROC_MARKER = '$OutOfProcData$:';

/**
 * The first line of an error. An orchestrator that throws surfaces in durable-functions as an
 * OrchestrationFailureError whose message carries the orchestrator state as JSON after a marker;
 * the real error is that state's `error`.
 */
export function failureSummary(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const marker = message.indexOf(OUT_OF_PROC_MARKER);
  if (marker >= 0) {
    try {
      const state = JSON.parse(message.slice(marker + OUT_OF_PROC_MARKER.length)) as { error?: unknown };
      if (typeof state.error === 'string') return `orchestrator failed: ${state.error.split('\n')[0]}`;
    } catch {
      // not the state JSON after all; fall through to the plain message
    }
  }
  return message.split('\n')[0] ?? message;
}
