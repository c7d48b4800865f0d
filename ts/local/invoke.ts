/**
 * Invokes a captured function the way the Functions worker does: through the programming model's
 * InvocationModel, with inputs and trigger metadata as RPC typed data. Every trigger kind of the local
 * host, and the tests, go through here, so the real argument conversion and response mapping run.
 */
import { randomUUID } from 'node:crypto';
import type {
  BindingMetadata,
  CapturedApp,
  InvocationResponse,
  RegisteredFunction,
  TypedData,
} from './functionsCore';

export type LogLevel = 'trace' | 'debug' | 'information' | 'warning' | 'error' | 'critical' | 'none';
export type LogSink = (level: LogLevel, functionName: string, invocationId: string, message: string) => void;

export interface InvocationRequest {
  /** Input data by binding name (trigger and extra inputs). */
  inputData: { name: string; data: TypedData }[];
  /** Trigger metadata; values are typed data, keys as the host sends them (PascalCase is fine). */
  triggerMetadata?: Record<string, TypedData>;
  invocationId?: string;
}

export interface InvocationResult {
  invocationId: string;
  returnValue: unknown;
  outputs: Map<string, unknown>;
  durationMs: number;
}

export function typed(value: unknown): TypedData {
  if (value === undefined || value === null) return {};
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return { bytes: new Uint8Array(value) };
  if (typeof value === 'string') return { string: value };
  if (typeof value === 'number') return Number.isInteger(value) ? { int: value } : { double: value };
  return { json: JSON.stringify(value) };
}

export function untyped(data: TypedData | null | undefined): unknown {
  if (!data) return undefined;
  if (data.json !== undefined) return JSON.parse(data.json);
  if (data.string !== undefined) return data.string;
  if (data.bytes !== undefined) return Buffer.from(data.bytes);
  if (data.int !== undefined) return Number(data.int);
  if (data.double !== undefined) return Number(data.double);
  if (data.http !== undefined) return data.http;
  return undefined;
}

export function triggerBinding(fn: RegisteredFunction): [string, BindingMetadata] {
  const found = Object.entries(fn.metadata.bindings).find(
    ([, binding]) => binding.direction === 'in' && binding.type.toLowerCase().endsWith('trigger'),
  );
  if (!found) throw new Error(`Function "${fn.name}" has no trigger binding`);
  return found;
}

export function bindingsOfType(fn: RegisteredFunction, type: string): [string, BindingMetadata][] {
  return Object.entries(fn.metadata.bindings).filter(([, binding]) => binding.type === type);
}

const consoleSink: LogSink = (level, functionName, invocationId, message) => {
  const line = `[${functionName}] ${message}`;
  if (level === 'error' || level === 'critical') console.error(line);
  else if (level === 'warning') console.warn(line);
  else if (level !== 'trace' && level !== 'debug') console.log(line);
  void invocationId;
};

export async function invoke(
  app: CapturedApp,
  fn: RegisteredFunction,
  request: InvocationRequest,
  log: LogSink = consoleSink,
): Promise<InvocationResult> {
  const invocationId = request.invocationId ?? randomUUID();
  const started = performance.now();
  const invocationModel = app.model.getInvocationModel({
    invocationId,
    metadata: fn.metadata,
    request: { inputData: request.inputData, triggerMetadata: request.triggerMetadata ?? {} },
    state: undefined,
    log: (level: LogLevel, category: string, message: string) => {
      if (category === 'user' || level === 'error' || level === 'warning')
        log(level, fn.name, invocationId, message);
    },
  });
  const { context, inputs } = await invocationModel.getArguments();
  const result = await invocationModel.invokeFunction(context, inputs, fn.callback);
  const response: InvocationResponse = await invocationModel.getResponse(context, result);
  const outputs = new Map<string, unknown>();
  for (const output of response.outputData ?? []) outputs.set(output.name, untyped(output.data));
  return {
    invocationId,
    returnValue: untyped(response.returnValue),
    outputs,
    durationMs: performance.now() - started,
  };
}
